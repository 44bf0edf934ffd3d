import { BadUserInputError } from "./errors";

export type CursorValue = string | number | null | { d: string };

/** Opaque cursor: base64url of the ordering name and the sort-key values of one row. */
export function encodeCursor(order: string, values: (string | number | Date | null)[]): string {
  const json = JSON.stringify({ o: order, v: values.map((v) => (v instanceof Date ? { d: v.toISOString() } : v)) });
  return Buffer.from(json, "utf8").toString("base64url");
}

export function decodeCursor(
  cursor: string,
  order: string,
  arity: number,
  argPath: string[] = ["after"],
): (string | number | Date | null)[] {
  const bad = (why: string) =>
    BadUserInputError.field(argPath, `malformed cursor (${why}); use an endCursor or edge cursor from this query`);
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw bad("not a cursor this API issued");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad("not a cursor this API issued");
  }
  if (typeof parsed !== "object" || parsed === null) throw bad("not a cursor this API issued");
  const { o, v } = parsed as { o?: unknown; v?: unknown };
  if (o !== order) throw bad(`it belongs to another ordering than ${order}`);
  if (!Array.isArray(v) || v.length !== arity) throw bad("wrong shape");
  return v.map((item: unknown) => {
    if (item === null || typeof item === "string" || typeof item === "number") return item;
    if (typeof item === "object" && item && typeof (item as { d?: unknown }).d === "string") {
      const date = new Date((item as { d: string }).d);
      if (Number.isNaN(date.getTime())) throw bad("bad date");
      return date;
    }
    throw bad("wrong shape");
  });
}

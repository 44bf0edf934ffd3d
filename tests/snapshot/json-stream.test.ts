/**
 * The JSON snapshot reader takes a file a chunk at a time and parses one record at a time. Whatever
 * the layout and wherever the chunks split, it must read what JSON.parse reads, and refuse what
 * JSON.parse refuses at the place locateJsonError names.
 */
import fs from "node:fs";
import path from "node:path";
import { locateJsonError } from "../../server/src/modules/snapshot/json-locate";
import { JsonRootScanner, MAX_VALUE_CHARS } from "../../server/src/modules/snapshot/json-stream";
import { readSnapshot } from "../../server/src/modules/snapshot/read";
import { tempDir } from "./helpers";

const LISTS = new Set(["institutions", "programs"]);

/** Feeds `text` in chunks of `size` characters (never splitting a surrogate pair, as a UTF-8 decoder never does). */
function scan(text: string, size: number): { doc?: Record<string, unknown>; error?: string } {
  const scanner = new JsonRootScanner("f", LISTS);
  const doc: Record<string, any> = {};
  const take = (events: ReturnType<JsonRootScanner["feed"]>) => {
    for (const e of events) {
      if (e.type === "arrayStart") doc[e.key] = [];
      else if (e.type === "element") doc[e.key].push(e.value);
      else doc[e.key] = e.value;
    }
  };
  try {
    for (let i = 0; i < text.length;) {
      let j = Math.min(text.length, i + size);
      const c = text.charCodeAt(j - 1);
      if (c >= 0xd800 && c <= 0xdbff) j++;
      take(scanner.feed(text.slice(i, j)));
      i = j;
    }
    const last = scanner.end();
    if (last === null) return { error: "empty" };
    take(last);
    return { doc };
  } catch (e) {
    const err = e as Error & { reason?: string; byte?: number };
    return { error: err.reason === undefined ? err.message : `${err.reason} at byte ${err.byte}` };
  }
}

function expected(text: string): { doc?: Record<string, unknown>; error?: string } {
  try {
    return { doc: JSON.parse(text) };
  } catch {
    const at = locateJsonError(text)!;
    return { error: `${at.reason} at byte ${at.byte}` };
  }
}

const SAMPLE = {
  meta: { format: "x", nested: [1, { quote: 'a "}] quoted', back: "\\" }], empty: {} },
  institutions: [
    { slug: "é-unicode", list: [1, 2, { z: "]}" }] },
    { slug: "emoji-😀" },
    3,
    "text",
    null,
    -12.5e3,
    true,
  ],
  programs: [],
  other: { q: [[], {}] },
};

describe("JSON snapshot reader", () => {
  it.each([0, 1, 2, "\t"])(
    "reads what JSON.parse reads, whatever the layout (indent %p) and the chunk size",
    (indent) => {
      const text = JSON.stringify(SAMPLE, null, indent as number | string);
      for (const size of [1, 2, 3, 7, 64, text.length]) expect(scan(text, size)).toEqual({ doc: SAMPLE });
    },
  );

  it("refuses a cut or corrupted text where JSON.parse would, at the same byte", () => {
    const text = JSON.stringify(SAMPLE, null, 1);
    let checked = 0;
    for (let at = 1; at < text.length; at += 3) {
      const cut = text.slice(0, at);
      const corrupt = `${text.slice(0, at)}${',:{}[]"x '[at % 9]}${text.slice(at + 1)}`;
      for (const bad of [cut, corrupt]) {
        const want = expected(bad);
        if (want.doc || bad.trim()[0] !== "{") continue; // still valid, or not an object at all
        expect({ bad, got: scan(bad, 1 + (at % 11)) }).toEqual({ bad, got: want });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("reads a large minified file, record by record, across read chunks", async () => {
    const dir = tempDir("json-stream-");
    try {
      const doc = {
        meta: { a: 1 },
        institutions: Array.from({ length: 6000 }, (_, i) => ({ slug: `i-${i}`, name: "x".repeat(i % 97) })),
        programs: [],
      };
      const file = path.join(dir, "minified.json");
      fs.writeFileSync(file, JSON.stringify(doc));
      expect(fs.statSync(file).size).toBeGreaterThan(4 * 64 * 1024);
      const parsed = await readSnapshot(file);
      expect(parsed.doc).toEqual({ ...doc, requirements: undefined, specialties: undefined, pathways: undefined });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses one value longer than the limit instead of holding it", () => {
    const text = `{"meta": {}, "institutions": [{"slug": "${"x".repeat(MAX_VALUE_CHARS)}"}]}`;
    expect(scan(text, 1 << 20).error).toMatch(/^f: the value at byte 30 is longer than 8 MB of text/);
  });
});

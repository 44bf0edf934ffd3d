/**
 * Finds where a JSON text stops being valid. Node's JSON.parse says *that* a text is invalid but
 * (on Node 20) not where, and a curator holding a 200 MB file needs the byte and line. Only run
 * after JSON.parse has failed; iterative, so deep nesting cannot overflow the stack.
 */

export interface JsonErrorLocation {
  /** Offset in UTF-16 units into the text. */
  offset: number;
  /** Offset in bytes of the UTF-8 file. */
  byte: number;
  line: number;
  column: number;
  reason: string;
  /** True when the text ended in the middle of a value: the usual sign of a cut-off file. */
  truncated: boolean;
}

const WS = new Set([" ", "\t", "\n", "\r"]);

export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const n = text.length;
  // Each open container: "{" or "[", and what it expects next.
  const stack: { type: "{" | "["; expect: "key" | "colon" | "value" | "comma" | "first" }[] = [];
  let done = false;

  const fail = (reason: string, at = i) =>
    locate(text, Math.min(at, n), at >= n ? "unexpected end of input" : reason, at >= n);
  const skipWs = () => {
    while (i < n && WS.has(text[i])) i++;
  };
  const readString = (): string | null => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return "unexpected end of input";
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return i + 6 > n ? "unexpected end of input" : "bad \\u escape";
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else return `bad escape \\${e}`;
        continue;
      }
      if (c < 0x20) return "control character in a string (an unescaped newline?)";
      i++;
    }
    return "unexpected end of input";
  };
  /** Reads one scalar, or opens a container; returns an error reason or null. */
  const readValue = (): string | null => {
    skipWs();
    if (i >= n) return "unexpected end of input";
    const c = text[i];
    if (c === "{" || c === "[") {
      stack.push({ type: c, expect: "first" });
      i++;
      return null;
    }
    if (c === '"') return readString();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) return `unexpected character ${JSON.stringify(c)}`;
    i += m[0].length;
    return null;
  };

  let err = readValue();
  if (err) return fail(err);
  if (stack.length === 0) done = true;
  while (!done) {
    const top = stack[stack.length - 1];
    skipWs();
    if (i >= n) return fail("unexpected end of input");
    const c = text[i];
    if (top.expect === "first" && c === (top.type === "{" ? "}" : "]")) {
      i++;
      stack.pop();
    } else if (top.expect === "comma") {
      if (c === ",") {
        i++;
        top.expect = top.type === "{" ? "key" : "value";
        continue;
      }
      if (c !== (top.type === "{" ? "}" : "]")) return fail(`expected ',' or '${top.type === "{" ? "}" : "]"}'`);
      i++;
      stack.pop();
    } else if (top.type === "{" && (top.expect === "key" || top.expect === "first")) {
      if (c !== '"') return fail("expected a property name in double quotes");
      err = readString();
      if (err) return fail(err);
      top.expect = "colon";
      continue;
    } else if (top.expect === "colon") {
      if (c !== ":") return fail("expected ':' after a property name");
      i++;
      top.expect = "value";
      continue;
    } else {
      top.expect = "comma";
      const depth = stack.length;
      err = readValue();
      if (err) return fail(err);
      if (stack.length > depth) continue; // opened a container: its own state runs next
      continue;
    }
    // a container closed: the parent now expects a comma
    if (stack.length === 0) done = true;
  }
  skipWs();
  if (i < n) return fail("unexpected text after the end of the JSON value");
  return null;
}

function locate(text: string, offset: number, reason: string, truncated: boolean): JsonErrorLocation {
  const before = text.slice(0, offset);
  const lastNl = before.lastIndexOf("\n");
  let line = 1;
  for (let k = 0; k < before.length; k++) if (before.charCodeAt(k) === 10) line++;
  return { offset, byte: Buffer.byteLength(before, "utf8"), line, column: offset - lastNl, reason, truncated };
}

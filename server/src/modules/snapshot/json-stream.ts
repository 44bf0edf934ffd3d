/**
 * Reads a JSON snapshot a piece at a time: the root object's members one by one, and the
 * elements of its record arrays one by one, each parsed with JSON.parse on its own text. Only
 * one record's text is held at once (at most MAX_VALUE_CHARS), so a file of any size reads in
 * flat memory, however it is laid out (our exports put one record a line; a hand-edited file may
 * not).
 *
 * The scanner only tracks strings and brackets between the pieces; JSON.parse checks each piece.
 * An error is reported as JSON.parse on the whole text would have been, located by
 * locateJsonError: byte, line and column in the file, and whether the file ends early.
 */
import fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { locateJsonError } from "./json-locate";
import { SnapshotError } from "./snapshot.errors";

/** The longest value (one record, or meta) read whole: far above any real record. */
export const MAX_VALUE_CHARS = 8 * 1024 * 1024;

export type JsonRootEvent =
  | { type: "member"; key: string; value: unknown }
  | { type: "arrayStart"; key: string }
  | { type: "element"; key: string; index: number; value: unknown };

/** A syntax error at a byte of the file; line and column are worked out afterwards. */
class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly byte: number,
    readonly truncated: boolean,
  ) {
    super(reason);
  }
}

class NotAnObjectError extends Error {}

type State =
  | "before"
  | "keyFirst"
  | "keyNext"
  | "colon"
  | "value"
  | "arrayFirst"
  | "arrayNext"
  | "arrayComma"
  | "rootComma"
  | "after";
type Purpose = { type: "key" } | { type: "member"; key: string } | { type: "element"; key: string; index: number };

interface Piece {
  purpose: Purpose;
  mode: "container" | "string" | "scalar";
  /** Text of earlier chunks. */
  parts: string[];
  length: number;
  /** Where the piece starts in the current chunk (0 once it spans chunks). */
  start: number;
  startByte: number;
  /** Open brackets, as char codes. */
  stack: number[];
  inString: boolean;
  /** A backslash ended the previous chunk: the next character is escaped. */
  escape: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const STRING_STOP = /["\\]/g;
const STRUCTURE = /["{}[\]]/g;
const SCALAR_START = /[-0-9tfn]/;
const SCALAR = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/;

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const endsScalar = (c: number) => c === 0x2c || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c);

/** The root object of a document fed in chunks; `arrayKeys` are the members read element by element. */
export class JsonRootScanner {
  private state: State = "before";
  private piece: Piece | null = null;
  private key = "";
  private index = 0;
  private events: JsonRootEvent[] = [];
  private chunkByte = 0;
  private cursor = { index: 0, byte: 0 };
  private chunk = "";

  constructor(
    private readonly name: string,
    private readonly arrayKeys: ReadonlySet<string>,
  ) {}

  /** Scans one chunk; returns the events it completed. */
  feed(chunk: string): JsonRootEvent[] {
    this.chunk = chunk;
    this.cursor = { index: 0, byte: this.chunkByte };
    let i = 0;
    if (this.state === "before" && this.chunkByte === 0 && chunk.charCodeAt(0) === 0xfeff) i = 1;
    while (i < chunk.length) {
      if (this.piece) {
        i = this.scanPiece(i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isWhitespace(c)) i++;
      else i = this.structure(c, i);
    }
    if (this.piece) this.stash();
    this.chunkByte += Buffer.byteLength(chunk);
    const out = this.events;
    this.events = [];
    return out;
  }

  /** After the last chunk: checks the document is complete; returns the last events, or null when the file held nothing. */
  end(): JsonRootEvent[] | null {
    this.chunk = "";
    this.cursor = { index: 0, byte: this.chunkByte };
    const p = this.piece;
    if (p) {
      if (p.mode !== "scalar") {
        const at = locateJsonError(p.parts.join(""));
        throw new JsonSyntaxError(
          at?.reason ?? "unexpected end of input",
          p.startByte + (at?.byte ?? p.length),
          at?.truncated ?? true,
        );
      }
      this.finishPiece(0);
    }
    if (this.state === "before") return null;
    if (this.state !== "after") throw new JsonSyntaxError("unexpected end of input", this.chunkByte, true);
    return this.events;
  }

  private structure(c: number, i: number): number {
    switch (this.state) {
      case "before":
        if (c === OPEN_BRACE) return this.go("keyFirst", i);
        if (c === OPEN_BRACKET || c === QUOTE || SCALAR_START.test(this.chunk[i])) throw new NotAnObjectError();
        return this.fail(`unexpected character ${JSON.stringify(this.chunk[i])}`, i);
      case "keyFirst":
      case "keyNext":
        if (c === CLOSE_BRACE && this.state === "keyFirst") return this.go("after", i);
        if (c !== QUOTE) return this.fail("expected a property name in double quotes", i);
        return this.startPiece(i, { type: "key" });
      case "colon":
        if (c !== 0x3a) return this.fail("expected ':' after a property name", i);
        return this.go("value", i);
      case "value":
        if (c === OPEN_BRACKET && this.arrayKeys.has(this.key)) {
          this.events.push({ type: "arrayStart", key: this.key });
          this.index = 0;
          return this.go("arrayFirst", i);
        }
        return this.startPiece(i, { type: "member", key: this.key });
      case "arrayFirst":
      case "arrayNext":
        if (c === CLOSE_BRACKET && this.state === "arrayFirst") return this.go("rootComma", i);
        return this.startPiece(i, { type: "element", key: this.key, index: this.index });
      case "arrayComma":
        if (c === 0x2c) return this.go("arrayNext", i);
        if (c === CLOSE_BRACKET) return this.go("rootComma", i);
        return this.fail("expected ',' or ']'", i);
      case "rootComma":
        if (c === 0x2c) return this.go("keyNext", i);
        if (c === CLOSE_BRACE) return this.go("after", i);
        return this.fail("expected ',' or '}'", i);
      case "after":
        return this.fail("unexpected text after the end of the JSON value", i);
    }
  }

  private go(state: State, i: number): number {
    this.state = state;
    return i + 1;
  }

  private startPiece(i: number, purpose: Purpose): number {
    const c = this.chunk.charCodeAt(i);
    const mode = c === OPEN_BRACE || c === OPEN_BRACKET ? "container" : c === QUOTE ? "string" : "scalar";
    if (mode === "scalar" && !SCALAR_START.test(this.chunk[i]))
      return this.fail(`unexpected character ${JSON.stringify(this.chunk[i])}`, i);
    this.piece = {
      purpose,
      mode,
      parts: [],
      length: 0,
      start: i,
      startByte: this.byteAt(i),
      stack: mode === "container" ? [c] : [],
      inString: mode === "string",
      escape: false,
    };
    return mode === "scalar" ? i : i + 1;
  }

  /** Scans the current piece from `i`; returns where scanning goes on (the chunk's end if the piece does). */
  private scanPiece(i: number): number {
    const p = this.piece!;
    const chunk = this.chunk;
    const n = chunk.length;
    let j = i;
    if (p.escape) {
      p.escape = false;
      j++;
    }
    if (p.mode === "scalar") {
      while (j < n && !endsScalar(chunk.charCodeAt(j))) j++;
      if (j < n) this.finishPiece(j);
      return j;
    }
    while (j < n) {
      if (p.inString) {
        STRING_STOP.lastIndex = j;
        const m = STRING_STOP.exec(chunk);
        if (!m) return n;
        j = m.index;
        if (chunk.charCodeAt(j) === BACKSLASH) {
          if (j + 1 === n) p.escape = true;
          j += 2;
          continue;
        }
        p.inString = false;
        j++;
        if (p.mode === "string") return this.finishPiece(j);
        continue;
      }
      STRUCTURE.lastIndex = j;
      const m = STRUCTURE.exec(chunk);
      if (!m) return n;
      j = m.index;
      const c = chunk.charCodeAt(j);
      j++;
      if (c === QUOTE) p.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) p.stack.push(c);
      else if (p.stack.pop() !== (c === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET)) this.pieceError(j);
      else if (p.stack.length === 0) return this.finishPiece(j);
    }
    return Math.min(j, n);
  }

  /** Keeps the piece's text of this chunk, which is ending. */
  private stash(): void {
    const p = this.piece!;
    const text = this.chunk.slice(p.start);
    p.parts.push(text);
    p.length += text.length;
    p.start = 0;
    if (p.length > MAX_VALUE_CHARS) this.tooLong(p);
  }

  private tooLong(p: Piece): never {
    throw new SnapshotError(
      `${this.name}: the value at byte ${p.startByte} is longer than ${MAX_VALUE_CHARS / 1024 / 1024} MB of text (one record never is)`,
    );
  }

  private text(end: number): string {
    const p = this.piece!;
    const tail = this.chunk.slice(p.start, end);
    return p.parts.length ? p.parts.join("") + tail : tail;
  }

  /** A piece whose brackets do not match: where JSON.parse of it would have stopped. */
  private pieceError(end: number): never {
    const p = this.piece!;
    const at = locateJsonError(this.text(end));
    throw new JsonSyntaxError(
      at?.reason ?? "mismatched brackets",
      at ? p.startByte + at.byte : this.byteAt(end - 1),
      false,
    );
  }

  private finishPiece(end: number): number {
    const p = this.piece!;
    const text = this.text(end);
    if (text.length > MAX_VALUE_CHARS) this.tooLong(p);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // A number or literal run into more text (`null1`): the text after it is what is wrong there.
      const scalar = p.mode === "scalar" ? SCALAR.exec(text) : null;
      if (scalar)
        throw new JsonSyntaxError(
          p.purpose.type === "element" ? "expected ',' or ']'" : "expected ',' or '}'",
          p.startByte + scalar[0].length,
          false,
        );
      const at = locateJsonError(text);
      throw new JsonSyntaxError(at?.reason ?? "not JSON", p.startByte + (at?.byte ?? 0), false);
    }
    this.piece = null;
    const purpose = p.purpose;
    if (purpose.type === "key") {
      this.key = value as string;
      this.state = "colon";
    } else if (purpose.type === "member") {
      this.events.push({ type: "member", key: purpose.key, value });
      this.state = "rootComma";
    } else {
      this.events.push({ type: "element", key: purpose.key, index: purpose.index, value });
      this.index++;
      this.state = "arrayComma";
    }
    return end;
  }

  /** The byte offset in the file of character `i` of the current chunk (called with growing `i`). */
  private byteAt(i: number): number {
    const c = this.cursor;
    if (i < c.index) return this.chunkByte + Buffer.byteLength(this.chunk.slice(0, i));
    c.byte += Buffer.byteLength(this.chunk.slice(c.index, i));
    c.index = i;
    return c.byte;
  }

  private fail(reason: string, i: number): never {
    throw new JsonSyntaxError(reason, this.byteAt(i), false);
  }
}

/** Line and column (in UTF-16 units, as locateJsonError counts) of a byte of a file, read again in pieces. */
async function lineAndColumn(file: string, byte: number): Promise<{ line: number; column: number }> {
  let line = 1;
  let column = 1;
  if (byte > 0) {
    for await (const buf of fs.createReadStream(file, { start: 0, end: byte - 1 }) as AsyncIterable<Buffer>) {
      for (const b of buf) {
        if (b === 0x0a) {
          line++;
          column = 1;
        } else if ((b & 0xc0) !== 0x80) column += b >= 0xf0 ? 2 : 1; // a UTF-8 lead byte; 4-byte characters are two UTF-16 units
      }
    }
  }
  return { line, column };
}

/**
 * The root members and record-array elements of the JSON file, in file order. Throws
 * SnapshotError for an empty file, one that is not a JSON object, or a syntax error (located).
 */
export async function* readJsonRoot(file: string, arrayKeys: ReadonlySet<string>): AsyncGenerator<JsonRootEvent> {
  const scanner = new JsonRootScanner(file, arrayKeys);
  const decoder = new StringDecoder("utf8");
  try {
    for await (const buf of fs.createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
      yield* scanner.feed(decoder.write(buf));
    }
    const rest = decoder.end();
    if (rest) yield* scanner.feed(rest);
    const last = scanner.end();
    if (last === null) throw new SnapshotError(`${file} is empty`);
    yield* last;
  } catch (e) {
    if (e instanceof NotAnObjectError)
      throw new SnapshotError(`${file}: a snapshot is one JSON object with meta and five arrays`);
    if (!(e instanceof JsonSyntaxError)) throw e;
    const { line, column } = await lineAndColumn(file, e.byte);
    throw new SnapshotError(
      `${file} is not valid JSON: ${e.reason} at byte ${e.byte} (line ${line}, column ${column})${e.truncated ? ": the file ends early (truncated?)" : ""}`,
    );
  }
}

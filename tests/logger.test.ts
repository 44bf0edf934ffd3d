/**
 * The logger never throws: an error handler that logs (formatError, the HTTP guards) must still
 * answer when a field it logs is undefined, a function or a symbol, for which JSON.stringify
 * returns undefined rather than text.
 */
import { log } from "../server/src/core/logger";
import { terminalJson } from "../server/src/core/terminal-text";

describe("log lines", () => {
  it("render values JSON cannot represent instead of throwing", () => {
    expect(terminalJson(undefined)).toBe("undefined");
    expect(terminalJson(Symbol("s"))).toBe("Symbol(s)");
    expect(terminalJson({ a: "\u009b" })).toBe('{"a":"\\u009b"}');
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((line) => {
      written.push(String(line));
      return true;
    });
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "error";
    try {
      log.error("unexpected error", { errorId: "e1", path: undefined, handler: () => 1 });
    } finally {
      process.env.LOG_LEVEL = level;
      spy.mockRestore();
    }
    expect(written.join("")).toMatch(/unexpected error errorId="e1" path=undefined handler=/);
  });
});

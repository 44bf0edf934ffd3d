import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import { ConfigError, loadConfig, parseDatabaseUrl } from "../server/src/core/config";
import { runCli } from "../server/src/cli";

describe("configuration", () => {
  it("defaults to SQLite at data/directory.sqlite and reads sqlite: and postgres:// URLs", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: "sqlite", path: "data/directory.sqlite" });
    expect(parseDatabaseUrl("sqlite:/tmp/x.sqlite")).toEqual({ kind: "sqlite", path: "/tmp/x.sqlite" });
    expect(parseDatabaseUrl("postgres://u@h:5432/db")).toEqual({ kind: "postgres", url: "postgres://u@h:5432/db" });
    expect(loadConfig({}).port).toBe(4000);
  });

  it.each([
    ["mysql://x/y", /must start with sqlite: or postgres:\/\//],
    ["sqlite:", /needs a file path/],
    ["postgres://host-only", /names no PostgreSQL database/],
    ["postgres://[bad", /not a valid postgres:\/\/ URL/],
  ])("refuses DATABASE_URL=%s with a clear message", (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(ConfigError);
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it("refuses a bad PORT", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT must be a whole number/);
  });

  it("runs operations on graphql-jit unless GRAPHQL_EXECUTOR=graphql-js", () => {
    expect(loadConfig({}).executor).toEqual({ kind: "jit", compileAfter: 2 });
    expect(loadConfig({ GRAPHQL_EXECUTOR: "graphql-js", GRAPHQL_JIT_COMPILE_AFTER: "1" }).executor).toEqual({
      kind: "graphql-js",
      compileAfter: 1,
    });
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: "fast" })).toThrow(/GRAPHQL_EXECUTOR must be jit or graphql-js/);
    expect(() => loadConfig({ GRAPHQL_JIT_COMPILE_AFTER: "0" })).toThrow(
      /GRAPHQL_JIT_COMPILE_AFTER must be a whole number/,
    );
  });
});

describe("the CLI", () => {
  const saved = process.env.DATABASE_URL;
  let errors: string[];
  let logs: string[];
  beforeEach(() => {
    errors = [];
    logs = [];
    jest.spyOn(console, "error").mockImplementation((...a) => void errors.push(a.join(" ")));
    jest.spyOn(console, "log").mockImplementation((...a) => void logs.push(a.join(" ")));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env.DATABASE_URL = saved;
  });

  it("fails with one line and a non-zero exit on a malformed DATABASE_URL", async () => {
    process.env.DATABASE_URL = "mongodb://nope";
    expect(await runCli(["migrate"])).toBe(1);
    expect(errors).toEqual([
      expect.stringMatching(/^directory: DATABASE_URL must start with sqlite: or postgres:\/\//),
    ]);
  });

  it("fails clearly when PostgreSQL cannot be reached", async () => {
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/nowhere";
    expect(await runCli(["migrate"])).toBe(1);
    expect(errors).toEqual(["directory: cannot open PostgreSQL: connection refused"]);
  });

  it("migrates and seeds a SQLite file, and a second seed adds nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-"));
    process.env.DATABASE_URL = `sqlite:${dir}/cli.sqlite`;
    expect(await runCli(["migrate"])).toBe(0);
    expect(logs.pop()).toMatch(/applied \d+ migration\(s\)/);
    expect(await runCli(["seed"])).toBe(0);
    expect(logs.pop()).toBe("added 7 institutions, 19 programs, 9 requirements, 5 pathways, 6 specialties");
    expect(await runCli(["seed"])).toBe(0);
    expect(logs.pop()).toBe("the sample directory is already loaded; nothing added");
    expect(await runCli(["no-such-command"])).not.toBe(0);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { runCli } from "../../server/src/cli";
import { testDialect } from "../support/db";

const sqliteOnly = testDialect === "sqlite" ? describe : describe.skip;

sqliteOnly("backup (SQLite)", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = saved;
    jest.restoreAllMocks();
  });

  it("writes a consistent copy that passes integrity_check and holds every row", async () => {
    const logs: string[] = [];
    const errors: string[] = [];
    jest.spyOn(console, "log").mockImplementation((...a) => void logs.push(a.join(" ")));
    jest.spyOn(console, "error").mockImplementation((...a) => void errors.push(a.join(" ")));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "backup-"));
    process.env.DATABASE_URL = `sqlite:${dir}/live.sqlite`;
    expect(await runCli(["seed"])).toBe(0);
    const out = path.join(dir, "copy.sqlite");
    expect(await runCli(["backup", "--out", out])).toBe(0);
    expect(logs.pop()).toMatch(/integrity: ok/);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.prepare("SELECT COUNT(*) AS n FROM programs").get()).toEqual({ n: 19 });
    copy.close();
    expect(await runCli(["backup", "--out", out])).toBe(1);
    expect(errors.pop()).toMatch(/already exists/);
  });
});

const postgresOnly = testDialect === "postgres" ? describe : describe.skip;

postgresOnly("backup (PostgreSQL)", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = saved;
    jest.restoreAllMocks();
  });

  it("writes a pg_dump archive that pg_restore can read", async () => {
    const { createTestDatabase } = await import("../support/db");
    const { spawnSync } = await import("node:child_process");
    const db = await createTestDatabase("postgres");
    const logs: string[] = [];
    jest.spyOn(console, "log").mockImplementation((...a) => void logs.push(a.join(" ")));
    try {
      process.env.DATABASE_URL = (db.config as { url: string }).url;
      expect(await runCli(["seed"])).toBe(0);
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pgbackup-")), "dir.dump");
      expect(await runCli(["backup", "--out", out])).toBe(0);
      expect(logs.pop()).toMatch(/pg_dump completed/);
      const list = spawnSync("pg_restore", ["--list", out], { encoding: "utf8" });
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(/TABLE DATA public programs/);
    } finally {
      await db.drop();
    }
  });
});

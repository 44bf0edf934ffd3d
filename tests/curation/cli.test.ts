import { PassThrough, Readable } from "node:stream";
import type { DataSource } from "typeorm";
import { runCli } from "../../server/src/cli";
import { ConfigError } from "../../server/src/core/config";
import { AuditEntry } from "../../server/src/modules/audit/audit-entry.entity";
import { ensureFirstAdmin } from "../../server/src/modules/curator/curator.bootstrap";
import type { CliIo } from "../../server/src/modules/curator/curator.cli";
import { CuratorSession } from "../../server/src/modules/curator/curator-session.entity";
import { Curator, CuratorRole } from "../../server/src/modules/curator/curator.entity";
import { verifyPassword } from "../../server/src/modules/curator/password";
import { createTestDatabase, openMigrated, resetDatabase, type TestDatabase } from "../support/db";

let db: TestDatabase;
let ds: DataSource;
const savedUrl = process.env.DATABASE_URL;
beforeAll(async () => {
  db = await createTestDatabase();
  ds = await openMigrated(db);
  process.env.DATABASE_URL = db.config.kind === "sqlite" ? `sqlite:${db.config.path}` : db.config.url;
});
afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await ds.destroy();
  await db.drop();
});

let logs: string[];
let errors: string[];
beforeEach(async () => {
  await resetDatabase(ds);
  logs = [];
  errors = [];
  jest.spyOn(console, "log").mockImplementation((...a) => void logs.push(a.join(" ")));
  jest.spyOn(console, "error").mockImplementation((...a) => void errors.push(a.join(" ")));
});
afterEach(() => jest.restoreAllMocks());

/** Standard input as a pipe holding `text`. */
const piped = (text: string): CliIo => ({ stdin: Readable.from([text]), stderr: new PassThrough() });
const user = (args: string[], stdin = "") => runCli(["user", ...args], piped(stdin));
const curator = (email: string) => ds.getRepository(Curator).findOneBy({ email });

describe("user commands", () => {
  it("create reads the password from piped standard input and stores only its hash", async () => {
    expect(
      await user(
        ["create", "--email", "Admin@Example.org", "--role", "admin", "--name", "Ada Admin"],
        "a very good password\n",
      ),
    ).toBe(0);
    expect(logs).toEqual([expect.stringMatching(/^created ADMIN curator admin@example\.org \(id \d+\)$/)]);
    const c = (await curator("admin@example.org"))!;
    expect(c).toMatchObject({ name: "Ada Admin", role: CuratorRole.ADMIN, active: true });
    expect(c.passwordHash).not.toContain("a very good password");
    expect(await verifyPassword("a very good password", c.passwordHash)).toBe(true);
    const [entry] = await ds.getRepository(AuditEntry).find();
    expect(entry).toMatchObject({ action: "CREATE", entityType: "Curator", actorId: null });
  });

  it.each([
    [
      "an unknown role",
      ["create", "--email", "a@example.org", "--role", "boss"],
      "a long enough password\n",
      "directory: --role must be admin, editor or viewer (got 'boss')",
    ],
    [
      "a short password",
      ["create", "--email", "a@example.org", "--role", "editor"],
      "short\n",
      "directory: password must be at least 12 characters",
    ],
    [
      "no password",
      ["create", "--email", "a@example.org", "--role", "editor"],
      "",
      expect.stringMatching(/^directory: no password on standard input/),
    ],
    [
      "a malformed email",
      ["create", "--email", "not-an-email", "--role", "editor"],
      "a long enough password\n",
      "directory: email must be an email address",
    ],
    [
      "disabling an unknown curator",
      ["disable", "--email", "nobody@example.org"],
      "",
      "directory: there is no curator with email nobody@example.org",
    ],
    [
      "a password for an unknown curator",
      ["set-password", "--email", "nobody@example.org"],
      "a long enough password\n",
      "directory: there is no curator with email nobody@example.org",
    ],
  ])("%s fails with one clear line and a non-zero exit", async (_label, args, stdin, message) => {
    expect(await user(args as string[], stdin)).toBe(1);
    expect(errors).toEqual([message]);
  });

  it("refuses a second curator with the same email, whatever its case", async () => {
    await user(["create", "--email", "a@example.org", "--role", "editor"], "a long enough password\n");
    expect(await user(["create", "--email", "A@EXAMPLE.ORG", "--role", "viewer"], "a long enough password\n")).toBe(1);
    expect(errors).toEqual(["directory: a curator with email a@example.org already exists"]);
  });

  it("lists, disables (ending sessions), re-enables and sets passwords", async () => {
    await user(["create", "--email", "admin@example.org", "--role", "admin"], "a long enough password\n");
    await user(["create", "--email", "ed@example.org", "--role", "editor", "--name", "Ed"], "a long enough password\n");
    logs = [];
    expect(await user(["list"])).toBe(0);
    expect(logs[0]).toMatch(/^ID\s+EMAIL\s+NAME\s+ROLE\s+ACTIVE\s+LAST LOGIN$/);
    expect(logs.slice(1)).toEqual([
      expect.stringMatching(/^\d+\s+admin@example\.org\s+admin\s+ADMIN\s+yes\s+never$/),
      expect.stringMatching(/^\d+\s+ed@example\.org\s+Ed\s+EDITOR\s+yes\s+never$/),
    ]);

    const ed = (await curator("ed@example.org"))!;
    const session = {
      curatorId: ed.id,
      tokenHash: "f".repeat(64),
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
      revokedAt: null,
      clientAddress: null,
    };
    await ds.getRepository(CuratorSession).insert(session);
    logs = [];
    expect(await user(["disable", "--email", "ed@example.org"])).toBe(0);
    expect(logs).toEqual(["disabled ed@example.org; ended 1 session(s)"]);
    expect((await curator("ed@example.org"))!.active).toBe(false);
    expect((await ds.getRepository(CuratorSession).findOneByOrFail({ curatorId: ed.id })).revokedAt).not.toBeNull();
    expect(await user(["disable", "--email", "ed@example.org"])).toBe(0);
    expect(logs.pop()).toBe("ed@example.org is already disabled");
    expect(await user(["enable", "--email", "ed@example.org"])).toBe(0);
    expect(logs.pop()).toBe("enabled ed@example.org");

    expect(await user(["set-password", "--email", "ed@example.org"], "another good password\n")).toBe(0);
    expect(logs.pop()).toBe("password changed for ed@example.org; ended 0 session(s)");
    expect(await verifyPassword("another good password", (await curator("ed@example.org"))!.passwordHash)).toBe(true);

    // The only admin cannot be disabled: nobody could manage curators afterwards.
    expect(await user(["disable", "--email", "admin@example.org"])).toBe(1);
    expect(errors).toEqual(["directory: admin@example.org is the last active ADMIN; make another curator ADMIN first"]);
  });

  it("list escapes control characters in names (no terminal escape sequences reach the screen)", async () => {
    // Stored names come from the API and older imports: ESC/BEL retitle the window, ESC [ and the
    // 8-bit CSI (U+009B) recolour or clear the screen, CR overwrites the line.
    const name = "Eve\u001b]0;owned\u0007\u001b[2J\u009b31m\rAdmin";
    await ds
      .getRepository(Curator)
      .save({ email: "eve@example.org", name, role: CuratorRole.VIEWER, passwordHash: "not-a-real-hash" });
    expect(await user(["list"])).toBe(0);
    const out = logs.join("\n");
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain(String.raw`Eve\x1b]0;owned\x07\x1b[2J\x9b31m\x0dAdmin`);
  });

  it("list says how to begin when there is nobody", async () => {
    expect(await user(["list"])).toBe(0);
    expect(logs).toEqual([
      expect.stringMatching(/^no curators yet; create one with: npm run directory -- user create/),
    ]);
  });

  it("on a terminal asks twice without echoing the password", async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: jest.fn() });
    const stderr = new PassThrough();
    let shown = "";
    stderr.on("data", (c) => (shown += c.toString()));
    const run = runCli(["user", "create", "--email", "tty@example.org", "--role", "viewer"], { stdin, stderr });
    stdin.write("a typed passwordX\u007f\r");
    await new Promise((r) => setTimeout(r, 20));
    stdin.write("a typed password\r");
    expect(await run).toBe(0);
    expect(shown).toContain("Password (at least 12 characters): ");
    expect(shown).toContain("Repeat the password: ");
    expect(shown).not.toContain("typed");
    expect(stdin.setRawMode).toHaveBeenCalledWith(true);
    expect(await verifyPassword("a typed password", (await curator("tty@example.org"))!.passwordHash)).toBe(true);
  });
});

describe("first run", () => {
  it("creates the first admin from DIRECTORY_ADMIN_EMAIL/PASSWORD only when there is no curator, and never with a weak password", async () => {
    await expect(
      ensureFirstAdmin(ds, { DIRECTORY_ADMIN_EMAIL: "boss@example.org", DIRECTORY_ADMIN_PASSWORD: "short" }),
    ).rejects.toThrow(ConfigError);
    expect(await ensureFirstAdmin(ds, {})).toBe("none");
    expect(await ds.getRepository(Curator).count()).toBe(0);
    expect(
      await ensureFirstAdmin(ds, {
        DIRECTORY_ADMIN_EMAIL: "Boss@Example.org",
        DIRECTORY_ADMIN_PASSWORD: "the first admin's password",
      }),
    ).toBe("created");
    expect(await curator("boss@example.org")).toMatchObject({ role: CuratorRole.ADMIN, active: true });
    expect(
      await ensureFirstAdmin(ds, {
        DIRECTORY_ADMIN_EMAIL: "other@example.org",
        DIRECTORY_ADMIN_PASSWORD: "the first admin's password",
      }),
    ).toBe("exists");
    expect(await ds.getRepository(Curator).count()).toBe(1);
  });
});

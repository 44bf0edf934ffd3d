import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { httpGql, LOGIN } from "../support/auth";
import { startChildServer, type ChildServer } from "../support/child-server";
import { Client } from "pg";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/db";

// These kill our own server processes (never the database server) on the dialect under test.

const ADMIN = { DIRECTORY_ADMIN_EMAIL: "durability@example.org", DIRECTORY_ADMIN_PASSWORD: "a-long-test-password-42" };
const CREATE = `mutation($input: SpecialtyInput!) { createSpecialty(input: $input) { id slug } }`;
const COUNT = `{ programs(first: 100) { totalCount edges { node { title requirements { requirement { code } } } } } }`;

async function signIn(server: ChildServer): Promise<string> {
  const r = await httpGql(server.url, LOGIN, {
    email: ADMIN.DIRECTORY_ADMIN_EMAIL,
    password: ADMIN.DIRECTORY_ADMIN_PASSWORD,
  });
  return r.data!.login.token as string;
}

/** Sends writes one after another (8 streams) until told to stop; returns the slugs acknowledged. */
function writeStream(server: ChildServer, token: string) {
  const acked: string[] = [];
  let stop = false;
  let n = 0;
  let firstAck!: () => void;
  const gotFirst = new Promise<void>((r) => (firstAck = r));
  const streams = Array.from({ length: 8 }, async () => {
    while (!stop) {
      const slug = `durable-${n++}`;
      try {
        const r = await httpGql(server.url, CREATE, { input: { slug, name: `Durable ${slug}` } }, token);
        if (r.status === 200 && r.data?.createSpecialty?.slug === slug) {
          acked.push(slug);
          if (acked.length >= 20) firstAck();
        }
      } catch {
        return; // the server is gone: this write was never acknowledged
      }
    }
  });
  return { acked, gotFirst, stop: () => (stop = true), done: () => Promise.all(streams) };
}

describe(`durability of acknowledged writes (${testDialect})`, () => {
  let dir: string;
  let pg: TestDatabase | null = null;
  let databaseUrl: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "durability-"));
    if (testDialect === "postgres") {
      pg = await createTestDatabase("postgres");
      databaseUrl = (pg.config as { url: string }).url;
    } else {
      databaseUrl = `sqlite:${dir}/d.sqlite`;
    }
  });
  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (pg) await pg.drop();
    pg = null;
  });

  async function storedSlugs(): Promise<Set<string>> {
    if (testDialect === "sqlite") {
      const db = new Database(path.join(dir, "d.sqlite"), { readonly: true });
      try {
        return new Set((db.prepare("SELECT slug FROM specialties").all() as { slug: string }[]).map((s) => s.slug));
      } finally {
        db.close();
      }
    }
    const c = new Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return new Set((await c.query<{ slug: string }>("SELECT slug FROM specialties")).rows.map((r) => r.slug));
    } finally {
      await c.end();
    }
  }

  async function restartAndCheck(acked: string[]) {
    if (testDialect === "sqlite") {
      const db = new Database(path.join(dir, "d.sqlite"));
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    }
    const again = await startChildServer({ DATABASE_URL: databaseUrl, ...ADMIN });
    try {
      const token = await signIn(again);
      const r = await httpGql(again.url, `{ specialties(first: 100) { totalCount } }`, {}, token);
      const stored = await storedSlugs();
      for (const slug of acked) expect(stored).toContain(slug);
      expect(r.data!.specialties.totalCount).toBeGreaterThanOrEqual(acked.length);
      expect(again.output()).not.toMatch(/loaded the sample directory/); // nothing seeded twice
    } finally {
      again.proc.kill("SIGTERM");
      await again.exited;
    }
  }

  it("SIGTERM during a stream of writes: in-flight requests finish, exit 0, every acknowledged write kept", async () => {
    const server = await startChildServer({ DATABASE_URL: databaseUrl, ...ADMIN });
    const token = await signIn(server);
    const reads = Array.from({ length: 10 }, () => httpGql(server.url, COUNT));
    const writes = writeStream(server, token);
    await writes.gotFirst;
    server.proc.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    writes.stop();
    await writes.done();
    expect(server.output()).toMatch(/stopped cleanly/);
    for (const r of await Promise.allSettled(reads)) {
      if (r.status === "fulfilled") expect(r.value.data!.programs.totalCount).toBe(19); // answered in full
    }
    expect(writes.acked.length).toBeGreaterThanOrEqual(20);
    await restartAndCheck(writes.acked);
  });

  it("SIGKILL during a stream of writes: integrity_check ok and every acknowledged write present after restart", async () => {
    const server = await startChildServer({ DATABASE_URL: databaseUrl, ...ADMIN });
    const token = await signIn(server);
    const writes = writeStream(server, token);
    await writes.gotFirst;
    server.proc.kill("SIGKILL");
    expect(await server.exited).toBe("SIGKILL");
    writes.stop();
    await writes.done();
    await restartAndCheck(writes.acked);
  });
});

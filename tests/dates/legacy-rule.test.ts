/**
 * The rule that turns an instant of the old format into the day it stood for (core/local-date.ts),
 * and the SQL of both migrations that applies it in the database: the three agree on every case.
 */
import Database from "better-sqlite3";
import { Client } from "pg";
import { legacyDaySql as postgresDaySql } from "../../migrations/postgres/1795971061801-ApplicationDays";
import { legacyDaySql as sqliteDaySql } from "../../migrations/sqlite/1795971061801-ApplicationDays";
import { dayOfLegacyInstant, isLocalDate, noonUtcOf } from "../../server/src/core/local-date";

/** [instant, the day meant, who stored it so] */
const CASES: [string, string, string][] = [
  ["2027-03-01T05:00:00.000Z", "2027-03-01", "a Toronto curator's midnight (EST)"],
  ["2027-03-31T04:00:00.000Z", "2027-03-31", "a Toronto curator's midnight (EDT)"],
  ["2027-03-01T08:00:00.000Z", "2027-03-01", "a Los Angeles curator's midnight (PST)"],
  ["2027-03-31T07:00:00.000Z", "2027-03-31", "a Los Angeles curator's midnight (PDT)"],
  ["2027-03-01T03:30:00.000Z", "2027-03-01", "a St. John's curator's midnight (NST)"],
  ["2027-03-01T10:00:00.000Z", "2027-03-01", "a Honolulu curator's midnight"],
  ["2027-03-01T00:00:00.000Z", "2027-03-01", "midnight UTC (API clients, the synthetic directory)"],
  ["2027-03-01T12:00:00.000Z", "2027-03-01", "noon UTC (the deprecated fields' own output)"],
  ["2026-09-30T23:59:59.500Z", "2026-09-30", "a closing time typed in UTC"],
  ["2027-02-28T18:30:00.000Z", "2027-03-01", "a Kolkata curator's midnight"],
  ["2027-02-28T23:00:00.000Z", "2027-03-01", "a Paris curator's midnight (CET)"],
  ["2027-02-28T18:15:00.000Z", "2027-03-01", "a Kathmandu curator's midnight (UTC+5:45)"],
  ["1969-12-31T18:30:00.000Z", "1970-01-01", "before 1970 (negative epoch milliseconds)"],
];

describe("the day an old instant stood for", () => {
  it.each(CASES)("%s is %s: %s", (instant, day) => {
    expect(dayOfLegacyInstant(new Date(instant))).toBe(day);
  });

  it("noon UTC, the deprecated fields' output, maps back to its day", () => {
    for (const day of ["2027-01-01", "2027-03-01", "2028-02-29", "2027-12-31"])
      expect(dayOfLegacyInstant(noonUtcOf(day)!)).toBe(day);
    expect(noonUtcOf(null)).toBeNull();
  });

  it("knows a calendar day when it sees one", () => {
    expect(["2027-03-01", "2028-02-29"].map(isLocalDate)).toEqual([true, true]);
    expect(["2027-02-30", "2027-3-1", "2027-03-01T00:00:00Z", "", null, 20270301].map(isLocalDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("the SQLite migration's SQL agrees, on the text the old application stored (UTC)", () => {
    const db = new Database(":memory:");
    try {
      db.exec('CREATE TABLE t ("at" datetime)');
      const insert = db.prepare('INSERT INTO t ("at") VALUES (?)');
      for (const [instant] of CASES) insert.run(instant.replace("T", " ").replace("Z", ""));
      insert.run(null);
      const days = db
        .prepare(`SELECT ${sqliteDaySql("at")} AS day FROM t ORDER BY rowid`)
        .pluck()
        .all();
      expect(days).toEqual([...CASES.map(([, day]) => day), null]);
    } finally {
      db.close();
    }
  });

  const postgres = process.env.TEST_DATABASE_URL ? it : it.skip;
  postgres.each(["UTC", "America/Los_Angeles", "Asia/Kolkata", "America/Toronto"])(
    "the PostgreSQL migration's SQL agrees, on the wall time a process in %s stored",
    async (zone) => {
      const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query('CREATE TEMP TABLE t (n integer, "at" timestamp)');
        // What pg wrote from a process in `zone`: the instant's wall time there, the offset dropped.
        for (const [n, [instant]] of CASES.entries())
          await client.query(`INSERT INTO t VALUES ($1, ($2::timestamptz AT TIME ZONE $3::text))`, [n, instant, zone]);
        const { rows } = await client.query(
          `SELECT (${postgresDaySql("at", "$1::text")})::text AS day FROM t ORDER BY n`,
          [zone],
        );
        expect(rows.map((r) => r.day)).toEqual(CASES.map(([, day]) => day));
      } finally {
        await client.end();
      }
    },
  );
});

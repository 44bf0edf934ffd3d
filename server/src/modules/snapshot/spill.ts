/**
 * A temporary SQLite file that holds the records of a diff or an import while they are compared,
 * so that memory stays flat whatever the size of the snapshots: a record is read, checked,
 * normalized and written here, then forgotten. Two sides: FROM (the older snapshot, or the
 * database before an import) and TO (the newer snapshot, or the file being imported).
 *
 * Each record is stored as its canonical JSON (canonical-hash.ts), which is also what the hash
 * covers and what equality means: two records are the same exactly when those texts are. Keys
 * come back in SQLite's BINARY order, the code-point order of compareKeys, and so in the order
 * the hash and the diff want them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { EntityName } from "./snapshot.format";

export const FROM = 0;
export const TO = 1;
export type Side = typeof FROM | typeof TO;

/** Rows written per SQLite transaction while records stream in. */
const INSERTS_PER_COMMIT = 2000;

export interface SpilledRecord {
  key: string;
  json: string;
  /** Position in its list in the file (0-based), for messages. */
  idx: number;
  /** Where the file holds it ("line 17", "programs.csv record 4, line 5"), or null. */
  loc: string | null;
  /** A program's requirement codes in the file's order (JSON), when not the canonical sorted one: rules name links by that index. */
  linkOrder: string | null;
  /**
   * The canonical JSON the file's checksum covers, when it is not `json`: a file of an older
   * schemaVersion is hashed as written and stored upgraded (snapshot-legacy.ts).
   */
  hashed: string | null;
}

export interface ChangedPair {
  key: string;
  from: string;
  to: string;
}

export class SpillStore {
  private pending = 0;
  private readonly insert: Database.Statement;
  private readonly lookup: Database.Statement;
  private readonly insertId: Database.Statement;
  private readonly lookupId: Database.Statement;

  private constructor(
    private readonly db: Database.Database,
    private readonly dir: string,
  ) {
    this.insert = db.prepare(
      "INSERT OR IGNORE INTO records (side, entity, key, idx, loc, link_order, json, hashed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.lookup = db.prepare("SELECT idx, json FROM records WHERE side = ? AND entity = ? AND key = ?");
    this.insertId = db.prepare("INSERT OR REPLACE INTO ids (entity, key, id) VALUES (?, ?, ?)");
    this.lookupId = db.prepare("SELECT id FROM ids WHERE entity = ? AND key = ?").pluck();
  }

  /** A new, empty store in a private temporary folder; close() deletes it. */
  static open(): SpillStore {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "directory-spill-"));
    try {
      const db = new Database(path.join(dir, "spill.sqlite"));
      // Scratch data: no journal, no fsync; SQLite's own page cache (and sorter) stay at a few MB.
      db.pragma("journal_mode = OFF");
      db.pragma("synchronous = OFF");
      db.pragma("cache_size = -8000");
      db.pragma("temp_store = FILE");
      // The file is this process's alone: keep its lock instead of taking and checking it again for
      // every lookup (an import resolves each reference by key; this halved its time).
      db.pragma("locking_mode = EXCLUSIVE");
      db.exec(`
        CREATE TABLE records (side INTEGER NOT NULL, entity TEXT NOT NULL, key TEXT NOT NULL, idx INTEGER NOT NULL, loc TEXT, link_order TEXT, json TEXT NOT NULL, hashed TEXT);
        CREATE UNIQUE INDEX records_key ON records (side, entity, key);
        CREATE TABLE ids (entity TEXT NOT NULL, key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (entity, key)) WITHOUT ROWID;
      `);
      return new SpillStore(db, dir);
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /** Stores a record; false (and nothing stored) when its side already holds that key. */
  add(
    side: Side,
    entity: EntityName,
    key: string,
    json: string,
    idx: number,
    loc: string | null,
    linkOrder: string | null = null,
    hashed: string | null = null,
  ): boolean {
    return this.write(() => this.insert.run(side, entity, key, idx, loc, linkOrder, json, hashed).changes === 1);
  }

  /** The stored record of a key, or undefined. */
  get(side: Side, entity: EntityName, key: string): { idx: number; json: string } | undefined {
    this.commit();
    return this.lookup.get(side, entity, key) as { idx: number; json: string } | undefined;
  }

  count(side: Side, entity: EntityName): number {
    this.commit();
    return Number(
      this.db.prepare("SELECT COUNT(*) FROM records WHERE side = ? AND entity = ?").pluck().get(side, entity),
    );
  }

  /** One side's records of an entity in key order, read as they are needed. */
  records(side: Side, entity: EntityName): IterableIterator<SpilledRecord> {
    this.commit();
    return this.db
      .prepare(
        "SELECT key, json, idx, loc, link_order AS linkOrder, hashed FROM records WHERE side = ? AND entity = ? ORDER BY key",
      )
      .iterate(side, entity) as IterableIterator<SpilledRecord>;
  }

  /** Keys only on `side`, in key order. */
  only(side: Side, entity: EntityName): IterableIterator<string> {
    this.commit();
    return this.db
      .prepare(
        "SELECT a.key FROM records a WHERE a.side = ? AND a.entity = ? AND NOT EXISTS (SELECT 1 FROM records b WHERE b.side = ? AND b.entity = a.entity AND b.key = a.key) ORDER BY a.key",
      )
      .pluck()
      .iterate(side, entity, side === FROM ? TO : FROM) as IterableIterator<string>;
  }

  /** Keys on both sides whose records differ, with both texts, in key order. */
  changed(entity: EntityName): IterableIterator<ChangedPair> {
    this.commit();
    return this.db
      .prepare(
        'SELECT a.key, a.json AS "from", b.json AS "to" FROM records a JOIN records b ON b.side = ? AND b.entity = a.entity AND b.key = a.key WHERE a.side = ? AND a.entity = ? AND a.json <> b.json ORDER BY a.key',
      )
      .iterate(TO, FROM, entity) as IterableIterator<ChangedPair>;
  }

  /** Remembers the database id of a record (an import's references resolve through these). */
  setId(entity: EntityName, key: string, id: number): void {
    this.write(() => this.insertId.run(entity, key, id));
  }

  id(entity: EntityName, key: string): number | undefined {
    this.commit();
    const id = this.lookupId.get(entity, key);
    return id === undefined ? undefined : Number(id);
  }

  close(): void {
    try {
      if (this.db.open) this.db.close();
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** Writes are grouped into transactions of INSERTS_PER_COMMIT rows: one per row would be slow. */
  private write<T>(statement: () => T): T {
    if (this.pending === 0) this.db.exec("BEGIN");
    const result = statement();
    if (++this.pending >= INSERTS_PER_COMMIT) this.commit();
    return result;
  }

  private commit(): void {
    if (this.pending === 0) return;
    this.pending = 0;
    this.db.exec("COMMIT");
  }
}

import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import type { DataSource } from "typeorm";
import { Country, ListingStatus, RequirementLevel } from "../../server/src/core/enums";
import { Institution, InstitutionKind } from "../../server/src/modules/institution/institution.entity";
import { Pathway, PathwayKind } from "../../server/src/modules/pathway/pathway.entity";
import { PathwayRequirement } from "../../server/src/modules/pathway/pathway-requirement.entity";
import { ProgramRequirement } from "../../server/src/modules/program/program-requirement.entity";
import { ProgramSpecialty } from "../../server/src/modules/program/program-specialty.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { Audience, ProgramType } from "../../server/src/modules/program/program.enums";
import { Requirement, RequirementKind } from "../../server/src/modules/requirement/requirement.entity";
import { Specialty } from "../../server/src/modules/specialty/specialty.entity";
import { exportSnapshot, type ExportProgress } from "../../server/src/modules/snapshot/export";
import { exportToPath } from "../../server/src/modules/snapshot/export-files";
import { JsonSnapshotWriter, NdjsonSnapshotWriter, SnapshotFile } from "../../server/src/modules/snapshot/writers";
import { openTestDb, tempDir, type SnapshotTestDb } from "./helpers";

const PROGRAMS = 3000;
const INSTITUTIONS = 120;
const SPECIALTIES = 40;
const REQUIREMENTS = 30;
const PATHWAYS = 10;
const CHUNK = 250;

const pad = (n: number) => String(n).padStart(5, "0");

async function insertBatched<T>(ds: DataSource, entity: new () => T, rows: object[], size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await ds
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

async function ids(ds: DataSource, table: string): Promise<number[]> {
  return (await ds.query(`SELECT "id" FROM "${table}" ORDER BY "id"`)).map((r: { id: number | string }) =>
    Number(r.id),
  );
}

/** A large synthetic directory (clearly named so), written with batched multi-row inserts. */
async function buildSyntheticDirectory(ds: DataSource): Promise<void> {
  const n = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
  await insertBatched(
    ds,
    Institution,
    n(INSTITUTIONS).map((i) => ({
      slug: `synthetic-institution-${pad(i)}`,
      name: `Synthetic Institution ${pad(i)}`,
      kind: InstitutionKind.HOSPITAL,
      country: Country.US,
      region: "NY",
      city: "Synthetic City",
    })),
  );
  await insertBatched(
    ds,
    Specialty,
    n(SPECIALTIES).map((i) => ({ slug: `synthetic-specialty-${pad(i)}`, name: `Synthetic Specialty ${pad(i)}` })),
  );
  await insertBatched(
    ds,
    Requirement,
    n(REQUIREMENTS).map((i) => ({
      code: `SYNTHETIC_REQ_${pad(i)}`,
      name: `Synthetic requirement ${pad(i)}`,
      kind: RequirementKind.EXAM,
    })),
  );
  await insertBatched(
    ds,
    Pathway,
    n(PATHWAYS).map((i) => ({
      slug: `synthetic-pathway-${pad(i)}`,
      name: `Synthetic Pathway ${pad(i)}`,
      kind: PathwayKind.DIRECT,
    })),
  );
  const [institutions, specialties, requirements, pathways] = [
    await ids(ds, "institutions"),
    await ids(ds, "specialties"),
    await ids(ds, "requirements"),
    await ids(ds, "pathways"),
  ];
  await insertBatched(
    ds,
    PathwayRequirement,
    pathways.map((p, i) => ({ pathwayId: p, requirementId: requirements[i], level: RequirementLevel.REQUIRED })),
  );
  await insertBatched(
    ds,
    Program,
    n(PROGRAMS).map((i) => ({
      slug: `synthetic-program-${pad(i)}`,
      title: `Synthetic Program ${pad(i)}`,
      description: "Synthetic benchmark listing, not a real program.",
      type: ProgramType.OBSERVERSHIP,
      audience: Audience.GRADUATE,
      status: i % 10 === 0 ? ListingStatus.DRAFT : ListingStatus.PUBLISHED,
      country: Country.US,
      institutionId: institutions[i % INSTITUTIONS],
      pathwayId: pathways[i % PATHWAYS],
    })),
    200,
  );
  const programs = await ids(ds, "programs");
  await insertBatched(
    ds,
    ProgramSpecialty,
    programs.flatMap((p, i) => [
      { programId: p, specialtyId: specialties[i % SPECIALTIES] },
      { programId: p, specialtyId: specialties[(i + 1) % SPECIALTIES] },
    ]),
  );
  await insertBatched(
    ds,
    ProgramRequirement,
    programs.flatMap((p, i) => [
      {
        programId: p,
        requirementId: requirements[i % REQUIREMENTS],
        level: RequirementLevel.REQUIRED,
        minimumScore: 200 + (i % 50),
      },
      { programId: p, requirementId: requirements[(i + 7) % REQUIREMENTS], level: RequirementLevel.RECOMMENDED },
    ]),
  );
}

/** A slow consumer: takes one chunk per event-loop turn, with a small buffer. */
class SlowSink extends Writable {
  consumedLines = 0;
  peakBuffered = 0;
  largestWrite = 0;
  bytes = 0;

  constructor(readonly limit: number) {
    super({ highWaterMark: limit, decodeStrings: false });
  }

  override write(chunk: any, ...rest: any[]): boolean {
    this.largestWrite = Math.max(this.largestWrite, Buffer.byteLength(chunk));
    const ok = super.write(chunk, ...rest);
    this.peakBuffered = Math.max(this.peakBuffered, this.writableLength);
    return ok;
  }

  override _write(chunk: Buffer | string, _enc: BufferEncoding, callback: (e?: Error | null) => void): void {
    this.bytes += Buffer.byteLength(chunk);
    this.consumedLines += chunk.toString().split("\n").length - 1;
    setImmediate(callback);
  }
}

/** Collects what is written, as text. */
class TextSink extends Writable {
  text = "";

  override _write(chunk: Buffer | string, _enc: BufferEncoding, callback: (e?: Error | null) => void): void {
    this.text += chunk.toString();
    callback();
  }
}

describe("streaming export of a large synthetic directory", () => {
  let db: SnapshotTestDb;
  let dir: string;
  beforeAll(async () => {
    db = await openTestDb();
    await buildSyntheticDirectory(db.ds);
    dir = tempDir("snapshot-streaming-");
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([false, true])(
    "streams chunk by chunk with backpressure: bounded buffering, every row (includeDrafts %s)",
    async (includeDrafts) => {
      const sink = new SlowSink(16 * 1024);
      const progress: ExportProgress[] = [];
      let maxAhead = 0;
      let consumedWhenReadingEnded = -1;
      const { meta, maxChunk, rowsRead } = await exportSnapshot(db.ds, {
        includeDrafts,
        chunkSize: CHUNK,
        writers: [new NdjsonSnapshotWriter(sink)],
        onProgress: (p) => {
          if (p.phase !== "write") return;
          progress.push(p);
          maxAhead = Math.max(maxAhead, p.read - p.done);
          if (p.read === p.total && consumedWhenReadingEnded < 0) consumedWhenReadingEnded = sink.consumedLines;
        },
      });

      const programs = includeDrafts ? PROGRAMS : PROGRAMS - PROGRAMS / 10;
      expect(meta.counts).toEqual({
        institutions: INSTITUTIONS,
        programs,
        requirements: REQUIREMENTS,
        specialties: SPECIALTIES,
        pathways: PATHWAYS,
      });
      const total = INSTITUTIONS + programs + REQUIREMENTS + SPECIALTIES + PATHWAYS;
      expect(sink.consumedLines).toBe(1 + total); // meta line + every record, each exactly once
      expect(rowsRead).toBe(2 * total); // a stream cannot be written back into: two passes (hash, then write), nothing more

      // The reader never holds more than one chunk of records beyond what the writer has taken…
      expect(maxChunk).toBe(CHUNK);
      expect(maxAhead).toBeLessThanOrEqual(CHUNK);
      // …and the writer never lets the stream's buffer grow past its high-water mark by more than one record.
      expect(sink.peakBuffered).toBeLessThanOrEqual(sink.limit + sink.largestWrite);
      expect(sink.bytes).toBeGreaterThan(20 * sink.limit); // the file is far bigger than what was ever buffered
      // Rows were still being read while the consumer was already taking records (not read-all-then-write).
      expect(consumedWhenReadingEnded).toBeGreaterThan(0);
      expect(consumedWhenReadingEnded).toBeLessThan(sink.consumedLines);
    },
  );

  it("a file is written in one read of the directory (the pathways twice), the hash filled in at the end: same bytes as the two-pass export", async () => {
    const now = new Date("2026-02-03T04:05:06.789Z");
    for (const [format, Writer] of [
      ["json", JsonSnapshotWriter],
      ["ndjson", NdjsonSnapshotWriter],
    ] as const) {
      const file = path.join(dir, `one-pass.${format}`);
      const sink = new TextSink();
      const twoPass = await exportSnapshot(db.ds, {
        includeDrafts: false,
        now,
        chunkSize: CHUNK,
        writers: [new Writer(sink)],
      });
      const onePass = await exportSnapshot(db.ds, {
        includeDrafts: false,
        now,
        chunkSize: CHUNK,
        writers: [new Writer(new SnapshotFile(file))],
      });
      expect([twoPass.singlePass, onePass.singlePass]).toEqual([false, true]);
      const programs = PROGRAMS - PROGRAMS / 10;
      const total = INSTITUTIONS + programs + REQUIREMENTS + SPECIALTIES + PATHWAYS;
      expect(twoPass.rowsRead).toBe(2 * total);
      expect(onePass.rowsRead).toBe(total + PATHWAYS); // pathways come before programs in the hash, last in the file
      expect(onePass.maxChunk).toBe(CHUNK);
      expect(onePass.meta).toEqual(twoPass.meta);
      expect(fs.readFileSync(file, "utf8")).toBe(sink.text);
    }
  });

  it("a file export that fails part-way through leaves nothing behind, whatever it had written", async () => {
    const out = path.join(dir, "failed.json");
    let written = 0;
    const failing = exportToPath(db.ds, {
      format: "json",
      out,
      includeDrafts: true,
      chunkSize: CHUNK,
      onProgress: (p) => {
        written = p.done;
        if (p.phase === "write" && p.done >= 2000) throw new Error("the disk went away");
      },
    });
    await expect(failing).rejects.toThrow("the disk went away");
    expect(written).toBeGreaterThanOrEqual(2000); // well past the first 64 KB the writer hands to the file
    expect(fs.readdirSync(dir).filter((f) => f.includes("failed"))).toEqual([]);
  });
});

/**
 * Requirement implications (ECFMG certification implies USMLE Step 1 and Step 2 CK) travel with
 * snapshots: export → import into an empty database leaves the eligibility API answering the
 * same, and a file whose implications break the API's rules is refused whole.
 */
import fs from "node:fs";
import path from "node:path";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { resetDatabase } from "../support/db";
import { expectData } from "../support/errors";
import { useTestServer } from "../support/server";
import { dumpTables, exportTo, importFrom, readJsonFile, tempDir, writeJsonFile } from "./helpers";

const FORMATS = ["json", "ndjson", "csv"] as const;

const server = useTestServer();
let dir: string;
beforeAll(() => {
  dir = tempDir("snapshot-implications-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ELIGIBILITY = `query($profile: CandidateProfile!) {
  eligibility(profile: $profile, first: 100) {
    totalCount
    edges { node { program { slug } verdict missing { code } } }
  }
}`;
const IMPLIES = `{ requirement(code: "ECFMG_CERTIFICATION") { implies { code } } }`;

async function answer(holds: string[]) {
  return expectData(await server.exec(ELIGIBILITY, { profile: { stage: "GRADUATE", holds } })).eligibility;
}

const missingCodes = (data: { edges: { node: { missing: { code: string }[] } }[] }) =>
  data.edges.flatMap((e) => e.node.missing.map((m) => m.code));

async function implicationCount(): Promise<number> {
  const [row] = await server.ds.query(`SELECT COUNT(*) AS "n" FROM "requirement_implications"`);
  return Number(row.n);
}

describe("requirement implications in snapshots", () => {
  it.each(FORMATS)("export → import into an empty database keeps them (%s)", async (format) => {
    await resetDatabase(server.ds);
    await seedSampleDirectory(server.ds);
    const before = await answer(["ECFMG_CERTIFICATION"]);
    // The answer depends on the implications: without ECFMG certification, Step 1 is missing somewhere.
    expect(missingCodes(await answer([]))).toContain("USMLE_STEP_1");
    expect(missingCodes(before)).not.toContain("USMLE_STEP_1");
    expect(missingCodes(before)).not.toContain("USMLE_STEP_2_CK");

    const file = path.join(dir, `sample.${format}`);
    await exportTo(server.ds, format, file, true);
    await resetDatabase(server.ds);
    expect(await implicationCount()).toBe(0);

    await importFrom(server.ds, file, "replace");
    expect(await implicationCount()).toBe(2);
    expect(expectData(await server.exec(IMPLIES)).requirement.implies.map((r: { code: string }) => r.code)).toEqual([
      "USMLE_STEP_1",
      "USMLE_STEP_2_CK",
    ]);
    expect(await answer(["ECFMG_CERTIFICATION"])).toEqual(before);

    // Importing the same file again changes nothing.
    const again = await importFrom(server.ds, file, "replace");
    expect(again.diff.identical).toBe(true);
  });

  it("the JSON file lists the implied codes, sorted, and the diff shows a change of them", async () => {
    await resetDatabase(server.ds);
    await seedSampleDirectory(server.ds);
    const file = path.join(dir, "listed.json");
    await exportTo(server.ds, "json", file, true);
    const doc = readJsonFile(file);
    const ecfmg = doc.requirements.find((r: { code: string }) => r.code === "ECFMG_CERTIFICATION");
    expect(ecfmg.implies).toEqual(["USMLE_STEP_1", "USMLE_STEP_2_CK"]);

    ecfmg.implies = ["USMLE_STEP_1"];
    const edited = writeJsonFile(path.join(dir, "fewer.json"), doc);
    const merged = await importFrom(server.ds, edited, "merge");
    const changed = merged.diff.entities.find((e) => e.entity === "requirements")!.changed;
    expect(changed).toEqual([
      {
        key: "ECFMG_CERTIFICATION",
        changes: [{ field: "implies", from: ["USMLE_STEP_1", "USMLE_STEP_2_CK"], to: ["USMLE_STEP_1"] }],
      },
    ]);
    expect(await implicationCount()).toBe(1);
    // The history records the change as the API's writes do: the implied entries' ids.
    const ids = Object.fromEntries(
      (await server.ds.query(`SELECT "id", "code" FROM "requirements"`)).map((r: { id: unknown; code: string }) => [
        r.code,
        Number(r.id),
      ]),
    );
    const [entry] = await server.ds.query(
      `SELECT "changes" FROM "audit_entries" WHERE "entityType" = 'Requirement' AND "action" = 'UPDATE' AND "entityId" = ${ids.ECFMG_CERTIFICATION}`,
    );
    const changes = typeof entry.changes === "string" ? JSON.parse(entry.changes) : entry.changes;
    expect(changes.implies).toEqual({
      from: [ids.USMLE_STEP_1, ids.USMLE_STEP_2_CK].sort((a, b) => a - b),
      to: [ids.USMLE_STEP_1],
    });

    // Replace makes them exactly the file's: none left when the file lists none.
    ecfmg.implies = [];
    await importFrom(server.ds, writeJsonFile(path.join(dir, "none.json"), doc), "replace");
    expect(await implicationCount()).toBe(0);
  });

  const BAD: [string, (doc: { requirements: { code: string; implies?: string[] }[] }) => void, RegExp][] = [
    [
      "an unknown code",
      (doc) => {
        doc.requirements.find((r) => r.code === "USMLE_STEP_1")!.implies = ["NO_SUCH_EXAM"];
      },
      /requirement "USMLE_STEP_1" \(requirements\[\d+\]\) implies\[0\]: refers to requirement "NO_SUCH_EXAM", which the file does not hold/,
    ],
    [
      "a cycle",
      (doc) => {
        doc.requirements.find((r) => r.code === "USMLE_STEP_1")!.implies = ["ECFMG_CERTIFICATION"];
      },
      /requirement "(ECFMG_CERTIFICATION|USMLE_STEP_1)" \(requirements\[\d+\]\) implies: implications must not form a cycle: /,
    ],
    [
      "itself",
      (doc) => {
        doc.requirements.find((r) => r.code === "USMLE_STEP_3")!.implies = ["USMLE_STEP_3"];
      },
      /requirement "USMLE_STEP_3" \(requirements\[\d+\]\) implies\[0\]: a requirement cannot imply itself/,
    ],
  ];

  it.each(BAD)("a file with %s is refused, naming the place, and writes nothing", async (_name, edit, message) => {
    await resetDatabase(server.ds);
    await seedSampleDirectory(server.ds);
    const file = path.join(dir, "good.json");
    await exportTo(server.ds, "json", file, true);
    const doc = readJsonFile(file);
    edit(doc);
    const bad = writeJsonFile(path.join(dir, "bad.json"), doc);
    await resetDatabase(server.ds);
    const empty = await dumpTables(server.ds);
    for (const mode of ["merge", "replace"] as const) {
      await expect(importFrom(server.ds, bad, mode)).rejects.toThrow(message);
      expect(await dumpTables(server.ds)).toEqual(empty);
      expect(await implicationCount()).toBe(0);
    }
  });
});

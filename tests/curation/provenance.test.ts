/**
 * Provenance on every curated record: programs, institutions, pathways and requirements carry a
 * source, are verified through the API (EDITOR), become "changed since verified" when a fact-bearing
 * field changes after verification (and not when only a non-fact field does), join one review queue
 * across record types, and a program is never published without a source, through the API or a
 * snapshot import.
 */
import fs from "node:fs";
import path from "node:path";
import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { exportTo, importFrom, tempDir } from "../snapshot/helpers";
import { expectData, expectError } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer({ reset: true });
let f: ReturnType<typeof factories>;
let editor: Curator;
let viewer: Curator;
beforeAll(() => {
  f = factories(server.ds);
});
beforeEach(async () => {
  editor = await f.curator({ role: CuratorRole.EDITOR, name: "Eda" });
  viewer = await f.curator({ role: CuratorRole.VIEWER });
});

type Kind = "Program" | "Institution" | "Pathway" | "Requirement";
const PROVENANCE = "id version sourceUrl sourceNote lastVerifiedAt changedSinceVerified verifiedBy { name }";
const run = async (query: string, variables: Record<string, unknown> = {}, as: Curator | null = editor) =>
  expectData(await server.exec(query, variables, as));
const verify = (kind: Kind, id: number | string, version: number, as: Curator | null = editor) =>
  server.exec(
    `mutation($id: ID!, $v: Int!) { verify${kind}(id: $id, version: $v, note: "checked") { ${PROVENANCE} } }`,
    { id: String(id), v: version },
    as,
  );
const update = (kind: Kind, id: number | string, version: number, input: Record<string, unknown>) =>
  run(
    `mutation($id: ID!, $v: Int!, $input: ${kind}Input!) { update${kind}(id: $id, version: $v, input: $input) { ${PROVENANCE} } }`,
    {
      id: String(id),
      v: version,
      input,
    },
  ).then((d) => d[`update${kind}`]);

/** One record of each kind, a fact edit and a non-fact edit for each. */
async function records() {
  const requirement = await f.requirement({ sourceNote: "From the exam's bulletin" });
  return {
    Program: { row: await f.program(), fact: { title: "A new title" }, notFact: { sourceNote: "Rechecked note" } },
    Institution: { row: await f.institution(), fact: { city: "Rochester" }, notFact: { slug: "renamed-slug" } },
    Pathway: {
      row: await f.pathway(),
      fact: { description: "Applied through the Match" },
      notFact: { sourceNote: "n" },
    },
    Requirement: { row: requirement, fact: { name: "A new name" }, notFact: { sourceNote: "From the bulletin, 2026" } },
  };
}

const QUEUE = `query($first: Int, $after: String, $types: [ReviewRecordType!]) {
  reviewQueue(first: $first, after: $after, types: $types) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { recordType id name reason lastVerifiedAt changedSinceVerified translationStale verifiedBy { name } } }
  } }`;

async function wholeQueue(first: number, types?: string[]) {
  const items: { recordType: string; id: string; reason: string; name: string; translationStale: boolean }[] = [];
  let after: string | null = null;
  let pages = 0;
  let total = 0;
  for (;;) {
    const page: any = (await run(QUEUE, { first, after, types }, viewer)).reviewQueue;
    total = page.totalCount;
    items.push(...page.edges.map((e: any) => e.node));
    pages++;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { items, pages, total };
}

describe("verifying each kind of record", () => {
  it.each(["Program", "Institution", "Pathway", "Requirement"] as Kind[])(
    "%s: an EDITOR verifies it (audited as VERIFY); a VIEWER is FORBIDDEN, anonymous UNAUTHENTICATED",
    async (kind) => {
      const { row } = (await records())[kind];
      expectError(await verify(kind, row.id, row.version, viewer), "FORBIDDEN");
      expectError(await verify(kind, row.id, row.version, null), "UNAUTHENTICATED");
      const verified = expectData(await verify(kind, row.id, row.version))[`verify${kind}`];
      expect(verified).toMatchObject({
        version: row.version + 1,
        changedSinceVerified: false,
        verifiedBy: { name: "Eda" },
      });
      expect(Date.now() - new Date(verified.lastVerifiedAt).getTime()).toBeLessThan(60_000);
      expectError(await verify(kind, row.id, row.version), "CONFLICT");

      const log = await run(
        `query($filter: AuditFilter) { auditLog(filter: $filter, first: 5) { edges { node { action note changes } } } }`,
        { filter: { entityType: kind, entityId: String(row.id) } },
        viewer,
      );
      const entry = log.auditLog.edges[0].node;
      expect(entry).toMatchObject({ action: "VERIFY", note: "checked" });
      expect(Object.keys(entry.changes).sort()).toEqual(["lastVerifiedAt", "verifiedById"]);
    },
  );
});

describe("changed since verified", () => {
  it.each(["Program", "Institution", "Pathway", "Requirement"] as Kind[])(
    "%s: a fact edit after verification marks it (the date stays) and queues it; a non-fact edit does not; verifying clears it",
    async (kind) => {
      const { row, fact, notFact } = (await records())[kind];
      const verified = expectData(await verify(kind, row.id, row.version))[`verify${kind}`];
      const inQueue = async () =>
        (await wholeQueue(100)).items.find((i) => i.recordType === kind.toUpperCase() && i.id === String(row.id));

      expect(await inQueue()).toBeUndefined();
      const quiet = await update(kind, row.id, verified.version, notFact);
      expect(quiet).toMatchObject({ changedSinceVerified: false, lastVerifiedAt: verified.lastVerifiedAt });
      expect(await inQueue()).toBeUndefined();

      const edited = await update(kind, row.id, quiet.version, fact);
      expect(edited).toMatchObject({ changedSinceVerified: true, lastVerifiedAt: verified.lastVerifiedAt });
      expect(await inQueue()).toMatchObject({ reason: "CHANGED_SINCE_VERIFIED" });
      // Another fact edit keeps the mark (and writes no second change of it).
      const again = await update(kind, row.id, edited.version, fact);
      expect(again.changedSinceVerified).toBe(true);

      const reverified = expectData(await verify(kind, row.id, again.version))[`verify${kind}`];
      expect(reverified.changedSinceVerified).toBe(false);
      expect(await inQueue()).toBeUndefined();
    },
  );

  it("a program's requirement list and specialties are facts; never-verified records are not marked", async () => {
    const req = await f.requirement();
    const p = await f.program();
    const unverified = await update("Program", p.id, p.version, { title: "Edited before any verification" });
    expect(unverified.changedSinceVerified).toBe(false);
    const v = expectData(await verify("Program", p.id, unverified.version)).verifyProgram;
    const linked = await update("Program", p.id, v.version, {
      requirements: [{ requirementId: String(req.id), level: "REQUIRED" }],
    });
    expect(linked.changedSinceVerified).toBe(true);
    // The same list sent again (in another order of keys) is no change.
    const v2 = expectData(await verify("Program", p.id, linked.version)).verifyProgram;
    const same = await update("Program", p.id, v2.version, {
      requirements: [{ level: "REQUIRED", requirementId: String(req.id) }],
    });
    expect(same.changedSinceVerified).toBe(false);
  });
});

describe("the review queue across record types", () => {
  it("lists every kind due for review in order, pages without gaps or repeats, filters by type; curators only", async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    const recent = new Date();
    for (let i = 0; i < 3; i++) {
      await f.program({ title: `Never verified program ${i}` });
      await f.institution({ name: `Never verified institution ${i}` });
    }
    await f.program({ title: "Stale program", lastVerifiedAt: old });
    await f.institution({ name: "Stale institution", lastVerifiedAt: old });
    await f.pathway({ name: "Stale pathway", lastVerifiedAt: old });
    await f.requirement({ name: "Changed requirement", lastVerifiedAt: recent, changedSinceVerified: true });
    await f.requirement({ name: "Fresh requirement", lastVerifiedAt: recent });
    await f.pathway({ name: "Fresh pathway", lastVerifiedAt: recent });
    await f.program({ title: "Archived program", status: "ARCHIVED" as never });
    await f.institution({ name: "Archived institution", archivedAt: recent });

    const all = await wholeQueue(100);
    const paged = await wholeQueue(2);
    expect(paged.items).toEqual(all.items);
    expect(paged.pages).toBe(5);
    expect(all.total).toBe(10);
    expect(all.items.map((i) => [i.reason, i.recordType, i.name])).toEqual([
      ["NEVER_VERIFIED", "PROGRAM", "Never verified program 0"],
      ["NEVER_VERIFIED", "PROGRAM", "Never verified program 1"],
      ["NEVER_VERIFIED", "PROGRAM", "Never verified program 2"],
      ["NEVER_VERIFIED", "INSTITUTION", "Never verified institution 0"],
      ["NEVER_VERIFIED", "INSTITUTION", "Never verified institution 1"],
      ["NEVER_VERIFIED", "INSTITUTION", "Never verified institution 2"],
      ["CHANGED_SINCE_VERIFIED", "REQUIREMENT", "Changed requirement"],
      ["STALE", "PROGRAM", "Stale program"],
      ["STALE", "INSTITUTION", "Stale institution"],
      ["STALE", "PATHWAY", "Stale pathway"],
    ]);

    const some = await wholeQueue(1, ["PATHWAY", "REQUIREMENT"]);
    expect(some.items.map((i) => i.name)).toEqual(["Changed requirement", "Stale pathway"]);
    expect(some.total).toBe(2);

    // The programs' own queue follows the same rule.
    const programs = await run(`{ programsDueForReview(first: 10) { totalCount } }`, {}, viewer);
    expect(programs.programsDueForReview.totalCount).toBe(4);

    expectError(await server.exec(QUEUE, { first: 5 }), "UNAUTHENTICATED");
    expectError(await server.exec(QUEUE, { first: 5, after: "not-a-cursor" }, viewer), "BAD_USER_INPUT", [
      "reviewQueue",
    ]);
  });
});

describe("the review queue and stale translations", () => {
  /** A record given French through the API (which dates it), then verified; returns its version. */
  async function translatedAndVerified(kind: Kind, id: number, french: Record<string, unknown>) {
    const translated = await update(kind, id, 1, french);
    return expectData(await verify(kind, id, translated.version))[`verify${kind}`].version as number;
  }
  const queued = async () =>
    (await wholeQueue(1)).items.map((i) => [i.reason, i.recordType, i.name, i.translationStale]);

  it("lists a verified record whose English changed after its French, after the other reasons, until checked", async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    await f.pathway({ name: "Stale pathway", lastVerifiedAt: old });
    await f.pathway({ name: "Fresh pathway", lastVerifiedAt: new Date() });
    const program = await f.program({ title: "Family medicine" });
    const requirement = await f.requirement({ name: "Step 1", sourceNote: "From the exam's bulletin" });
    let programVersion = await translatedAndVerified("Program", program.id, { titleFr: "Médecine familiale" });
    const requirementVersion = await translatedAndVerified("Requirement", requirement.id, { nameFr: "Étape 1" });
    expect(await queued()).toEqual([["STALE", "PATHWAY", "Stale pathway", false]]);

    // An English edit is a fact change: the more pressing reason wins, the translation is still flagged.
    programVersion = (await update("Program", program.id, programVersion, { title: "Family medicine (PGY-1)" }))
      .version;
    await update("Requirement", requirement.id, requirementVersion, { name: "USMLE Step 1" });
    expect(await queued()).toEqual([
      ["CHANGED_SINCE_VERIFIED", "PROGRAM", "Family medicine (PGY-1)", true],
      ["CHANGED_SINCE_VERIFIED", "REQUIREMENT", "USMLE Step 1", true],
      ["STALE", "PATHWAY", "Stale pathway", false],
    ]);

    // Verified after the English edit: due only for its translation, and still listed.
    programVersion = expectData(await verify("Program", program.id, programVersion)).verifyProgram.version;
    const queue = await wholeQueue(1);
    expect(queue.items.map((i) => [i.reason, i.recordType, i.name, i.translationStale])).toEqual([
      ["CHANGED_SINCE_VERIFIED", "REQUIREMENT", "USMLE Step 1", true],
      ["STALE", "PATHWAY", "Stale pathway", false],
      ["TRANSLATION_STALE", "PROGRAM", "Family medicine (PGY-1)", true],
    ]);
    expect(queue.pages).toBe(3);
    expect(queue.total).toBe(3);
    expect((await wholeQueue(5, ["PROGRAM"])).items.map((i) => i.reason)).toEqual(["TRANSLATION_STALE"]);

    // Checking the translation makes it current: the program leaves the queue.
    const checked = await update("Program", program.id, programVersion, { translationChecked: true });
    expect(checked.changedSinceVerified).toBe(false);
    expect(await queued()).toEqual([
      ["CHANGED_SINCE_VERIFIED", "REQUIREMENT", "USMLE Step 1", true],
      ["STALE", "PATHWAY", "Stale pathway", false],
    ]);
  });
});

describe("publishing needs a source", () => {
  const CREATE = `mutation($input: ProgramInput!) { createProgram(input: $input) { id version status } }`;
  const PROGRAM = { slug: "no-source", title: "No source", type: "OBSERVERSHIP", audience: "GRADUATE", country: "US" };

  it("is refused without a sourceUrl or sourceNote, naming the field, by every way of publishing", async () => {
    const fields = (r: { errors?: readonly { extensions?: any }[] }) =>
      r.errors?.[0]?.extensions?.fields.map((p: { path: string[]; rule: string }) => [p.path.join("."), p.rule]);

    const asPublished = await server.exec(CREATE, { input: { ...PROGRAM, status: "PUBLISHED" } }, editor);
    expectError(asPublished, "BAD_USER_INPUT");
    expect(fields(asPublished)).toEqual([["input.sourceUrl", "publishedNeedsSource"]]);

    const draft = (await run(CREATE, { input: PROGRAM })).createProgram;
    expect(draft.status).toBe("DRAFT");
    const publish = await server.exec(
      `mutation($id: ID!) { publishProgram(id: $id, version: 1) { id } }`,
      { id: draft.id },
      editor,
    );
    expectError(publish, "BAD_USER_INPUT");
    expect(fields(publish)).toEqual([["sourceUrl", "publishedNeedsSource"]]);
    const bulk = await run(
      `mutation($refs: [VersionRef!]!) { publishPrograms(refs: $refs) { ok error { code message } } }`,
      { refs: [{ id: draft.id, version: 1 }] },
    );
    expect(bulk.publishPrograms[0]).toMatchObject({ ok: false, error: { code: "BAD_USER_INPUT" } });

    // With a note it publishes; clearing the only source of a published program is refused.
    const sourced = await update("Program", draft.id, 1, { sourceNote: "The program's 2026 brochure (print)" });
    await run(`mutation($id: ID!, $v: Int!) { publishProgram(id: $id, version: $v) { id } }`, {
      id: draft.id,
      v: sourced.version,
    });
    const cleared = await server.exec(
      `mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, input: { sourceNote: null }) { id } }`,
      { id: draft.id, v: sourced.version + 1 },
      editor,
    );
    expect(fields(cleared)).toEqual([["input.sourceNote", "publishedNeedsSource"]]);
  });

  it("is refused in a snapshot import, naming the record and the field", async () => {
    await f.program({ slug: "exported-listing", sourceNote: "A note to remove from the file" });
    const dir = tempDir();
    try {
      const file = path.join(dir, "snapshot.json");
      await exportTo(server.ds, "json", file);
      const doc = JSON.parse(fs.readFileSync(file, "utf8"));
      doc.programs[0].sourceNote = null;
      fs.writeFileSync(file, JSON.stringify(doc));
      await expect(importFrom(server.ds, file, "merge", { ignoreChecksum: true })).rejects.toThrow(
        /program "exported-listing".*sourceUrl breaks the rule publishedNeedsSource/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("source URLs", () => {
  it.each(["Institution", "Pathway", "Requirement"] as Kind[])(
    "%s: sourceUrl takes http:// and https:// only",
    async (kind) => {
      const { row } = (await records())[kind];
      for (const bad of ["javascript:alert(1)", "ftp://files.example.org/a", "www.example.org/no-scheme"]) {
        const r = await server.exec(
          `mutation($id: ID!, $input: ${kind}Input!) { update${kind}(id: $id, version: 1, input: $input) { id } }`,
          { id: String(row.id), input: { sourceUrl: bad } },
          editor,
        );
        expectError(r, "BAD_USER_INPUT");
        expect(r.errors?.[0]?.extensions?.fields[0].path).toEqual(["input", "sourceUrl"]);
      }
      const ok = await update(kind, row.id, 1, { sourceUrl: "https://www.example.org/facts" });
      expect(ok.sourceUrl).toBe("https://www.example.org/facts");
    },
  );
});

import { columnsFor, COLUMNS_ONLY, requestedFields, type FieldTree } from "../../server/src/core/field-selection";
import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { Program } from "../../server/src/modules/program/program.entity";
import { PROGRAM_COLUMNS } from "../../server/src/modules/program/program.entity";
import { Requirement } from "../../server/src/modules/requirement/requirement.entity";
import { expectData } from "../support/errors";
import { useTestServer } from "../support/server";
import { buildDirectory, type Directory } from "./fixture";

const server = useTestServer();
let dir: Directory;
beforeAll(async () => {
  dir = await buildDirectory(server.ds);
  await server.ds
    .getRepository(Requirement)
    .update({ code: "T_LICENSE" }, { description: "A licence to practise (test)" });
});

/** The statement that read a table's rows (not a count), as the server sent it. */
function readOf(sql: string[], table: string): string {
  const found = sql.find((s) => !/COUNT\(/i.test(s) && new RegExp(`FROM "${table}"`).test(s));
  if (!found) throw new Error(`no read of ${table} in:\n${sql.join("\n")}`);
  return found;
}

describe("a page reads only the columns its fields need", () => {
  it("selects the asked-for columns of programs, institutions, specialties and requirement links", async () => {
    const r = await server.exec(`{ programs(first: 10) { edges { node {
      title institution { name } specialties { name } requirements { level requirement { code } }
    } } } }`);
    const titles = expectData(r).programs.edges.map((e: any) => e.node.title);
    expect(titles).toContain("Alpha Cardiology Fellowship");
    // One statement: the relations are JSON subqueries of the page's (program.detail.ts).
    expect(r.statements).toBe(1);
    const programs = readOf(r.sql, "programs");
    expect(programs).toContain(`"p"."title"`);
    expect(programs).not.toContain(`"p"."description"`);
    expect(programs).not.toContain(`"p"."sourceNote"`);
    expect(programs).toContain(`"xi"."name"`);
    expect(programs).not.toContain(`"xi"."city"`);
    expect(programs).toContain(`"xs"."name"`);
    expect(programs).not.toContain(`"xs"."slug"`);
    expect(programs).toContain(`"xpr"."code"`);
    expect(programs).not.toContain(`"xpr"."description"`);
    expect(programs).not.toContain(`"xpl"."note"`);
  });

  it("answers every field it was asked for, through aliases, fragments and inline fragments", async () => {
    const r = await server.exec(`
      query {
        short: programs(first: 1, filter: { type: [FELLOWSHIP] }) { edges { node { title } } }
        full: programs(first: 1, filter: { type: [FELLOWSHIP] }) { edges { node { ...Facts ... on Program { institution { ...Place } } } } }
      }
      fragment Facts on Program { title description requirements { minimumScore note requirement { code description } } }
      fragment Place on Institution { name city }
    `);
    const data = expectData(r);
    expect(data.short.edges[0].node).toEqual({ title: "Alpha Cardiology Fellowship" });
    const full = data.full.edges[0].node;
    expect(full.description).toBe("Advanced training in interventional cardiology.");
    expect(full.institution).toEqual({ name: "Alpha Clinic", city: "Rochester" });
    expect(full.requirements.map((l: any) => [l.requirement.code, l.minimumScore])).toEqual([
      ["T_LICENSE", null],
      ["T_STEP_1", 220],
    ]);
    expect(full.requirements[0].requirement.description).toBe("A licence to practise (test)");
  });

  it("gives logic complete rows: eligibility next to a narrow page of the same programs", async () => {
    const r = await server.exec(
      `query($profile: CandidateProfile!) {
        programs(first: 20) { edges { node { id requirements { requirement { code } } } } }
        eligibility(profile: $profile, first: 20) { edges { node { program { id } eligible missing { code } } } }
      }`,
      {
        profile: {
          stage: "GRADUATE",
          holds: ["T_STEP_1", "T_STEP_2", "T_ECFMG", "T_LICENSE"],
          scores: [{ code: "T_STEP_1", score: 210 }],
        },
      },
    );
    const data = expectData(r);
    const alpha = data.eligibility.edges.find((e: any) => dir.keys([e.node.program.id])[0] === "p1").node;
    // Eligibility compared the score against the link's minimum (220): it read the full link.
    expect(alpha.eligible).toBe(false);
    expect(alpha.missing.map((m: any) => m.code)).toEqual(["T_STEP_1"]);
    const page = data.programs.edges.find((e: any) => dir.keys([e.node.id])[0] === "p1").node;
    expect(page.requirements.map((l: any) => l.requirement.code)).toEqual(["T_LICENSE", "T_STEP_1"]);
  });
});

describe("eligibility reads only the program columns its fields need", () => {
  const PROFILE = { stage: "GRADUATE", holds: ["T_STEP_1", "T_STEP_2", "T_ECFMG", "T_LICENSE"] };

  it("selects the asked-for program columns, and answers a wider selection in full", async () => {
    const narrow = await server.exec(
      `query($profile: CandidateProfile!) {
        eligibility(profile: $profile, first: 20) { edges { node { program { id title institution { name } } } } }
      }`,
      { profile: PROFILE },
    );
    const titles = expectData(narrow).eligibility.edges.map((e: any) => e.node.program.title);
    expect(titles).toContain("Alpha Cardiology Fellowship");
    expect(titles.every((t: unknown) => typeof t === "string" && t.length > 0)).toBe(true);
    const programs = readOf(narrow.sql, "programs");
    expect(programs).toContain(`"p"."title"`);
    expect(programs).not.toContain(`"p"."description"`);
    expect(programs).not.toContain(`"p"."sourceNote"`);
    // The institution comes in the programs' statement (as JSON), not in one of its own.
    expect(programs).toContain(`"xi"."name"`);
    expect(programs).not.toContain(`"xi"."city"`);
    expect(narrow.sql.filter((sql: string) => /FROM "institutions" "i"/.test(sql))).toEqual([]);

    const wide = await server.exec(
      `query($profile: CandidateProfile!) {
        eligibility(profile: $profile, first: 20) { edges { node { program { id title description institution { name city } } } } }
      }`,
      { profile: PROFILE },
    );
    const alpha = expectData(wide).eligibility.edges.find((e: any) => dir.keys([e.node.program.id])[0] === "p1");
    expect(alpha.node.program.description).toBe("Advanced training in interventional cardiology.");
    expect(alpha.node.program.institution.name).toEqual(expect.any(String));
    expect(readOf(wide.sql, "programs")).toContain(`"p"."description"`);
  });
});

describe("columnsFor", () => {
  const treeOf = (query: string): FieldTree => {
    const doc = parse(query);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
    const fragments = Object.fromEntries(
      doc.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition")
        .map((f) => [f.name.value, f]),
    );
    return requestedFields({ fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments });
  };

  it("maps fields to columns in entity order, with what relations and the key need", () => {
    const columns = columnsFor(
      server.ds,
      Program,
      treeOf("{ node { title __typename institution { name } id } }"),
      PROGRAM_COLUMNS,
    );
    // title answers in the asked locale, so it reads its French translation too
    expect(columns).toEqual(["id", "title", "institutionId", "titleFr"]);
  });

  it("selects every column for a field it cannot map, so a new computed field is never starved", () => {
    expect(columnsFor(server.ds, Requirement, treeOf("{ r { code somethingComputed } }"), COLUMNS_ONLY)).toBeNull();
  });
});

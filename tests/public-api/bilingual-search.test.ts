/**
 * Search reads both languages and folds accents, on the programs' full-text index and on the
 * catalogue's word search alike: "montréal" finds "Montreal" and "montreal" finds "Montréal",
 * French words find the listing they translate, and an edit of French text is searchable at once.
 */
import { Institution } from "../../server/src/modules/institution/institution.entity";
import { Program } from "../../server/src/modules/program/program.entity";
import { expectData } from "../support/errors";
import { factories } from "../support/factories";
import { useTestServer } from "../support/server";

const server = useTestServer();
let mcgill: Institution;
let observership: Program;

beforeAll(async () => {
  const f = factories(server.ds);
  mcgill = await f.institution({
    slug: "mcgill",
    name: "McGill University",
    nameFr: "Université McGill",
    country: "CA" as never,
    region: "QC",
    city: "Montreal",
  });
  const quebec = await f.institution({ slug: "chum", name: "CHUM", country: "CA" as never, city: "Québec" });
  await f.requirement({ code: "MCCQE_1", name: "MCCQE Part I", nameFr: "Examen d'aptitude du CMC, partie I" });
  const carms = await f.pathway({ slug: "carms", name: "CaRMS", nameFr: "Service canadien de jumelage des résidents" });
  await f.program({
    slug: "family-medicine",
    title: "Family medicine residency",
    titleFr: "Résidence en médecine familiale",
    country: "CA" as never,
    institutionId: mcgill.id,
    pathwayId: carms.id,
  });
  observership = await f.program({
    slug: "observership",
    title: "Hospital observership",
    description: "Shadow physicians in Montréal teaching hospitals.",
    country: "CA" as never,
    institutionId: quebec.id,
  });
  await f.program({ slug: "cardiology", title: "Cardiology fellowship", country: "US" as never });
});

async function programSlugs(search: string): Promise<string[]> {
  const { programs } = expectData(
    await server.exec(`query($s: String) { programs(search: $s, first: 20) { edges { node { slug } } } }`, {
      s: search,
    }),
  );
  return programs.edges.map((e: { node: { slug: string } }) => e.node.slug).sort();
}

async function names(field: "institutions" | "pathways" | "requirements", search: string): Promise<string[]> {
  const data = expectData(
    await server.exec(`query($s: String) { list: ${field}(search: $s, first: 20) { edges { node { name } } } }`, {
      s: search,
    }),
  );
  return data.list.edges.map((e: { node: { name: string } }) => e.node.name).sort();
}

describe("program search in English and French", () => {
  it("folds accents both ways", async () => {
    expect(await programSlugs("montréal")).toEqual(["family-medicine", "observership"]);
    expect(await programSlugs("Montreal")).toEqual(["family-medicine", "observership"]);
    expect(await programSlugs("MONTRÉAL")).toEqual(["family-medicine", "observership"]);
    expect(await programSlugs("quebec")).toEqual(["observership"]);
  });

  it("finds a listing by its French title, institution and pathway names, with or without accents", async () => {
    expect(await programSlugs("résidence médecine familiale")).toEqual(["family-medicine"]);
    expect(await programSlugs("residence medecine")).toEqual(["family-medicine"]);
    expect(await programSlugs("université mcgill")).toEqual(["family-medicine"]);
    expect(await programSlugs("jumelage")).toEqual(["family-medicine"]);
    expect(await programSlugs("family medicine")).toEqual(["family-medicine"]); // English still works
    expect(await programSlugs("cardiologie")).toEqual([]);
  });

  it("indexes French text as soon as it changes, whoever writes it", async () => {
    expect(await programSlugs("stage observation")).toEqual([]);
    await server.ds.getRepository(Program).update(observership.id, { titleFr: "Stage d'observation à l'hôpital" });
    expect(await programSlugs("stage observation")).toEqual(["observership"]);
    expect(await programSlugs("hopital")).toEqual(["observership"]);

    await server.ds.getRepository(Institution).update(mcgill.id, { nameFr: "Université McGill à Montréal" });
    expect(await programSlugs("université montreal")).toEqual(["family-medicine"]);
  });
});

describe("catalogue search in English and French", () => {
  it("matches French names and folds accents", async () => {
    expect(await names("institutions", "universite")).toEqual(["McGill University"]);
    expect(await names("institutions", "montréal")).toEqual(["McGill University"]);
    expect(await names("institutions", "QUEBEC")).toEqual(["CHUM"]);
    expect(await names("pathways", "jumelage residents")).toEqual(["CaRMS"]);
    expect(await names("requirements", "examen aptitude")).toEqual(["MCCQE Part I"]);
    expect(await names("requirements", "mccqe")).toEqual(["MCCQE Part I"]);
  });
});

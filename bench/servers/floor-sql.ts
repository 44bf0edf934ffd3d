/**
 * The floor's data access: hand-written prepared SQL for the bench page (programs in title
 * order with institution, specialties and requirements), and the payload built by hand in
 * the exact shape of the GraphQL response. SQLite through better-sqlite3, PostgreSQL through pg.
 */
import Database from "better-sqlite3";
import { Pool } from "pg";
import { PAGE_FILTER_SQL as WHERE } from "../queries";

export interface ProgramRow {
  id: number;
  slug: string;
  title: string;
  type: string;
  audience: string;
  country: string;
  region: string | null;
  durationMonths: number | null;
  handsOnPatientCare: boolean | number | null;
  visaSponsorship: boolean | number | null;
  lastVerifiedAt: string | Date | null;
  institutionId: number | null;
}
interface InstitutionRow {
  id: number;
  slug: string;
  name: string;
  city: string;
  region: string;
}
interface SpecialtyRow {
  programId: number;
  slug: string;
  name: string;
}
interface RequirementRow {
  programId: number;
  level: string;
  minimumScore: number | string | null; // a string from PostgreSQL's numeric
  note: string | null;
  code: string;
  name: string;
  kind: string;
}

export interface FloorDb {
  page(limit: number, after: [string, number] | null): ProgramRow[] | Promise<ProgramRow[]>;
  count(): number | Promise<number>;
  institutions(ids: number[]): InstitutionRow[] | Promise<InstitutionRow[]>;
  specialties(ids: number[]): SpecialtyRow[] | Promise<SpecialtyRow[]>;
  requirements(ids: number[]): RequirementRow[] | Promise<RequirementRow[]>;
  close(): Promise<void>;
}

const PROGRAM_COLUMNS = `"id", "slug", "title", "type", "audience", "country", "region", "durationMonths", "handsOnPatientCare", "visaSponsorship", "lastVerifiedAt", "institutionId"`;

export function openSqliteFloor(file: string): FloorDb {
  const db = new Database(file, { readonly: true });
  db.pragma("journal_mode = WAL");
  const first = db.prepare(`SELECT ${PROGRAM_COLUMNS} FROM programs WHERE ${WHERE} ORDER BY title, id LIMIT ?`);
  const next = db.prepare(
    `SELECT ${PROGRAM_COLUMNS} FROM programs WHERE ${WHERE} AND (title > ? OR (title = ? AND id > ?)) ORDER BY title, id LIMIT ?`,
  );
  const count = db.prepare(`SELECT COUNT(*) AS n FROM programs WHERE ${WHERE}`).pluck();
  const institutions = db.prepare(
    `SELECT id, slug, name, city, region FROM institutions WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const specialties = db.prepare(
    `SELECT ps."programId", s.slug, s.name FROM program_specialties ps JOIN specialties s ON s.id = ps."specialtyId"
     WHERE ps."programId" IN (SELECT value FROM json_each(?)) ORDER BY s.name`,
  );
  const requirements = db.prepare(
    `SELECT pr."programId", pr.level, pr."minimumScore", pr.note, r.code, r.name, r.kind
     FROM program_requirements pr JOIN requirements r ON r.id = pr."requirementId"
     WHERE pr."programId" IN (SELECT value FROM json_each(?)) ORDER BY CASE pr.level WHEN 'REQUIRED' THEN 0 ELSE 1 END, r.code`,
  );
  return {
    page: (limit, after) => (after ? next.all(after[0], after[0], after[1], limit) : first.all(limit)) as ProgramRow[],
    count: () => count.get() as number,
    institutions: (ids) => institutions.all(JSON.stringify(ids)) as InstitutionRow[],
    specialties: (ids) => specialties.all(JSON.stringify(ids)) as SpecialtyRow[],
    requirements: (ids) => requirements.all(JSON.stringify(ids)) as RequirementRow[],
    close: async () => void db.close(),
  };
}

export function openPostgresFloor(url: string): FloorDb {
  const pool = new Pool({ connectionString: url, max: 10 });
  const q = async <T>(name: string, text: string, values: unknown[]): Promise<T[]> =>
    (await pool.query({ name, text, values })).rows as T[];
  return {
    page: (limit, after) =>
      after
        ? q(
            "floor_next",
            `SELECT ${PROGRAM_COLUMNS} FROM programs WHERE ${WHERE} AND (title > $1 OR (title = $1 AND id > $2)) ORDER BY title, id LIMIT $3`,
            [after[0], after[1], limit],
          )
        : q("floor_first", `SELECT ${PROGRAM_COLUMNS} FROM programs WHERE ${WHERE} ORDER BY title, id LIMIT $1`, [
            limit,
          ]),
    count: async () =>
      Number((await q<{ n: string }>("floor_count", `SELECT COUNT(*) AS n FROM programs WHERE ${WHERE}`, []))[0].n),
    institutions: (ids) =>
      q("floor_inst", `SELECT id, slug, name, city, region FROM institutions WHERE id = ANY($1::int[])`, [ids]),
    specialties: (ids) =>
      q(
        "floor_spec",
        `SELECT ps."programId", s.slug, s.name FROM program_specialties ps JOIN specialties s ON s.id = ps."specialtyId"
         WHERE ps."programId" = ANY($1::int[]) ORDER BY s.name`,
        [ids],
      ),
    requirements: (ids) =>
      q(
        "floor_req",
        `SELECT pr."programId", pr.level, pr."minimumScore", pr.note, r.code, r.name, r.kind
         FROM program_requirements pr JOIN requirements r ON r.id = pr."requirementId"
         WHERE pr."programId" = ANY($1::int[]) ORDER BY CASE pr.level WHEN 'REQUIRED' THEN 0 ELSE 1 END, r.code`,
        [ids],
      ),
    close: () => pool.end(),
  };
}

const bool = (v: boolean | number | null) => (v === null ? null : Boolean(v));
/** SQLite keeps TypeORM's "YYYY-MM-DD HH:MM:SS.SSS" (UTC); PostgreSQL gives a Date. */
const iso = (v: string | Date | null) =>
  v === null ? null : v instanceof Date ? v.toISOString() : `${v.replace(" ", "T")}Z`;

/** Decodes the opaque cursor the API issues (base64url JSON `{o, v}`), for paging checks. */
function decodeAfter(after: string | null): [string, number] | null {
  if (!after) return null;
  const { v } = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as { v: [string, number] };
  return v;
}

/** The GraphQL response body for one page, built by hand. */
export async function floorPage(db: FloorDb, first: number, after: string | null): Promise<string> {
  const rows = await db.page(first + 1, decodeAfter(after));
  const hasNextPage = rows.length > first;
  const page = hasNextPage ? rows.slice(0, first) : rows;
  const ids = page.map((p) => p.id);
  const institutionIds = [...new Set(page.flatMap((p) => (p.institutionId === null ? [] : [p.institutionId])))];
  const [totalCount, institutions, specialties, requirements] = await Promise.all([
    db.count(),
    institutionIds.length ? db.institutions(institutionIds) : [],
    ids.length ? db.specialties(ids) : [],
    ids.length ? db.requirements(ids) : [],
  ]);
  const institutionById = new Map(
    institutions.map((i) => [i.id, { id: String(i.id), slug: i.slug, name: i.name, city: i.city, region: i.region }]),
  );
  const specialtiesOf = new Map<number, { slug: string; name: string }[]>();
  for (const s of specialties) {
    const list = specialtiesOf.get(s.programId) ?? specialtiesOf.set(s.programId, []).get(s.programId)!;
    list.push({ slug: s.slug, name: s.name });
  }
  const requirementsOf = new Map<number, unknown[]>();
  for (const r of requirements) {
    const list = requirementsOf.get(r.programId) ?? requirementsOf.set(r.programId, []).get(r.programId)!;
    list.push({
      level: r.level,
      // numeric(12,2): pg answers text ("229.00"), as the app's column transformer reads it: a number.
      minimumScore: r.minimumScore === null ? null : Number(r.minimumScore),
      note: r.note,
      requirement: { code: r.code, name: r.name, kind: r.kind },
    });
  }
  const edges = page.map((p) => ({
    node: {
      id: String(p.id),
      slug: p.slug,
      title: p.title,
      type: p.type,
      audience: p.audience,
      country: p.country,
      region: p.region,
      durationMonths: p.durationMonths,
      handsOnPatientCare: bool(p.handsOnPatientCare),
      visaSponsorship: bool(p.visaSponsorship),
      lastVerifiedAt: iso(p.lastVerifiedAt),
      institution: p.institutionId === null ? null : (institutionById.get(p.institutionId) ?? null),
      specialties: specialtiesOf.get(p.id) ?? [],
      requirements: requirementsOf.get(p.id) ?? [],
    },
  }));
  const last = page[page.length - 1];
  const endCursor = last
    ? Buffer.from(JSON.stringify({ o: "TITLE:ASC", v: [last.title, last.id] }), "utf8").toString("base64url")
    : null;
  return JSON.stringify({ data: { programs: { totalCount, edges, pageInfo: { hasNextPage, endCursor } } } });
}

/**
 * The export floor: stream every published program with its requirement codes and specialty
 * slugs as NDJSON, with raw better-sqlite3 iterate() (a merge over three cursors, ordered by
 * program id) and buffered synchronous writes. Usage: export-floor SQLITE_FILE OUT_FILE.
 */
import fs from "node:fs";
import Database from "better-sqlite3";

const [file, out] = process.argv.slice(2);
const open = () => new Database(file, { readonly: true });
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
const programs = open()
  .prepare(
    `SELECT p.id, p.slug, p.title, p.description, p.type, p.audience, p.country, p.region, i.slug AS institution, pw.slug AS pathway,
            p."durationMonths", p."handsOnPatientCare", p.positions, p."imgPositions", p."visaSponsorship", p."sourceUrl", p."lastVerifiedAt"
     FROM programs p LEFT JOIN institutions i ON i.id = p."institutionId" LEFT JOIN pathways pw ON pw.id = p."pathwayId"
     WHERE p.status = 'PUBLISHED' ORDER BY p.id`,
  )
  .iterate() as IterableIterator<Record<string, unknown> & { id: number }>;
const requirements = open()
  .prepare(
    `SELECT pr."programId" AS pid, r.code, pr.level, pr."minimumScore" FROM program_requirements pr JOIN requirements r ON r.id = pr."requirementId" ORDER BY pr."programId"`,
  )
  .iterate() as IterableIterator<{ pid: number; code: string; level: string; minimumScore: number | null }>;
const specialties = open()
  .prepare(
    `SELECT ps."programId" AS pid, s.slug FROM program_specialties ps JOIN specialties s ON s.id = ps."specialtyId" ORDER BY ps."programId"`,
  )
  .iterate() as IterableIterator<{ pid: number; slug: string }>;

const fd = fs.openSync(out, "w");
let buffer = "";
let rows = 0;
let req = requirements.next();
let spec = specialties.next();
for (const p of programs) {
  const reqs = [];
  while (!req.done && req.value.pid < p.id) req = requirements.next();
  while (!req.done && req.value.pid === p.id) {
    const { code, level, minimumScore } = req.value;
    reqs.push({ code, level, minimumScore });
    req = requirements.next();
  }
  const specs = [];
  while (!spec.done && spec.value.pid < p.id) spec = specialties.next();
  while (!spec.done && spec.value.pid === p.id) {
    specs.push(spec.value.slug);
    spec = specialties.next();
  }
  const { id: _id, ...record } = p;
  buffer += JSON.stringify({ type: "program", ...record, specialties: specs, requirements: reqs }) + "\n";
  rows++;
  if (buffer.length > 1 << 16) {
    fs.writeSync(fd, buffer);
    buffer = "";
  }
}
fs.writeSync(fd, buffer);
fs.closeSync(fd);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const used = process.cpuUsage(cpu);
process.send!({ rows, ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS });

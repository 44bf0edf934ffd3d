import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const PACKAGES = [
  "@apollo/server",
  "graphql",
  "graphql-jit",
  "type-graphql",
  "typeorm",
  "better-sqlite3",
  "pg",
  "express",
  "dataloader",
  "autocannon",
];

function packageVersion(name: string): string | null {
  // Read the file directly: some packages' "exports" forbid resolving their package.json.
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "node_modules", name, "package.json");
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  }
  return null;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function versions() {
  const db = new Database(":memory:");
  const sqlite = db.prepare("SELECT sqlite_version() AS v").pluck().get() as string;
  db.close();
  return { node: process.version, sqlite, packages: Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])) };
}

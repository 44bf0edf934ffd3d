/**
 * Generates one migration per dialect from the difference between the entities and a database
 * migrated with the migrations committed so far:
 *   npm run migration:generate -- AddSomething
 * Needs PostgreSQL (MIGRATION_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { type Dialect } from "../server/src/core/data-source";
import { createDataSource } from "../server/src/composition/database";

const root = path.resolve(__dirname, "..", "..");

function render(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join("\n");
  return `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function register(dialect: Dialect, fileBase: string, className: string): void {
  const indexPath = path.join(root, "migrations", dialect, "index.ts");
  let index = fs.readFileSync(indexPath, "utf8");
  const importLine = `import { ${className} } from "./${fileBase}";\n`;
  index = index.replace(/(\/\/[^\n]*\n)/, `$1${importLine}`);
  index = index.replace(/\n\];\s*$/, `\n  ${className},\n];\n`);
  fs.writeFileSync(indexPath, index);
}

async function diff(dialect: Dialect): Promise<{ up: string[]; down: string[] }> {
  let cleanup = async () => {};
  let ds;
  if (dialect === "sqlite") {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "migration-")), "gen.sqlite");
    ds = createDataSource({ kind: "sqlite", path: file });
  } else {
    const adminUrl = process.env.MIGRATION_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `migration_gen_${process.pid}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    ds = createDataSource({ kind: "postgres", url: url.toString() });
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    };
  }
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: "all" });
    const sql = await ds.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.reverse().map((q) => q.query) };
  } finally {
    await ds.destroy();
    await cleanup();
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error("usage: npm run migration:generate -- PascalCaseName");
    process.exit(2);
  }
  const stamp = Date.now();
  for (const dialect of ["sqlite", "postgres"] as Dialect[]) {
    const { up, down } = await diff(dialect);
    if (up.length === 0) {
      console.log(`${dialect}: entities and migrations agree; nothing to generate`);
      continue;
    }
    const className = `${name}${stamp}`;
    const fileBase = `${stamp}-${name}`;
    fs.writeFileSync(path.join(root, "migrations", dialect, `${fileBase}.ts`), render(className, up, down));
    register(dialect, fileBase, className);
    console.log(`${dialect}: wrote migrations/${dialect}/${fileBase}.ts (${up.length} statements)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import type { EntityManager } from "typeorm";
import { dialectOf, type EntityClass } from "./data-source";

/**
 * Multi-row writes through SQL with every value bound as a parameter, converted by the driver as
 * TypeORM converts it, not through the query builder: on SQLite the builder writes numbers (ids,
 * scores) into the SQL text, so each batch was a new statement that the driver prepares and keeps
 * in its cache: memory that grew with the size of a bulk write. Here every full batch of a table
 * shares one statement.
 */

/** The n-th (1-based) bound parameter in the dialect's SQL. */
export function placeholder(m: EntityManager, n: number): string {
  return dialectOf(m.connection) === "postgres" ? `$${n}` : "?";
}

/** The column metadata of some properties of an entity, refusing a property that is not a column. */
export function columnsOf(m: EntityManager, target: EntityClass, properties: string[]) {
  const metadata = m.connection.getMetadata(target);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`bulk write: ${metadata.tableName} has no column ${property}`);
    return column;
  });
  return { metadata, columns };
}

/**
 * One multi-row INSERT of rows that all set the same properties (those of the first row); an
 * entity's version column, when it has one, starts at 1 as TypeORM inserts it.
 */
export async function insertRows(
  m: EntityManager,
  target: EntityClass,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  const { metadata, columns } = columnsOf(m, target, Object.keys(rows[0]));
  const version = metadata.versionColumn;
  const names = [...columns, ...(version ? [version] : [])].map((c) => `"${c.databaseName}"`);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = columns.map((c) => {
      params.push(m.connection.driver.preparePersistentValue(row[c.propertyName], c));
      return placeholder(m, params.length);
    });
    if (version) cells.push("1");
    return `(${cells.join(", ")})`;
  });
  await m.query(`INSERT INTO "${metadata.tableName}" (${names.join(", ")}) VALUES ${tuples.join(", ")}`, params);
}

/** `list` in slices of `size`. */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

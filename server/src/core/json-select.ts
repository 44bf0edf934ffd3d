import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { Dialect } from "./data-source";
import { rowMapper, type RowMapper } from "./rows";

/**
 * Related rows as JSON inside one statement (PostgreSQL `json_build_object`/`json_agg`, SQLite
 * `json_object`/`json_group_array`), so that a record and its relations come back in one round
 * trip instead of one statement per relation.
 *
 * Each row is an object keyed by column name and read back with the entity's row mapper
 * (core/rows.ts), which converts values as TypeORM does. JSON carries what the raw row carries on
 * both databases: SQLite's values are the stored ones; PostgreSQL's differ only where the mapper
 * converts anyway (a timestamp is an ISO string without offset, read as local time as the driver
 * reads it; a numeric is a number, which the score transformer makes of the driver's string).
 */

/** PostgreSQL calls take at most 100 arguments: 50 key/value pairs. */
const MAX_PAIRS = 50;

/** The columns to carry: the named entity properties, or every column when null. */
function columnsOf(ds: DataSource, target: EntityTarget<ObjectLiteral>, properties: readonly string[] | null) {
  const metadata = ds.getMetadata(target);
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  return properties ? columns.filter((c) => properties.includes(c.propertyName)) : columns;
}

/** A JSON object of one row's columns (`alias` is the table's alias in the statement). */
export function jsonRow(
  ds: DataSource,
  dialect: Dialect,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
  properties: readonly string[] | null,
): string {
  const q = (name: string) => ds.driver.escape(name);
  const columns = columnsOf(ds, target, properties);
  if (columns.length > MAX_PAIRS) throw new Error(`jsonRow: ${columns.length} columns, at most ${MAX_PAIRS}`);
  const pairs = columns.map((c) => `'${c.databaseName}', ${q(alias)}.${q(c.databaseName)}`).join(", ");
  return dialect === "postgres" ? `json_build_object(${pairs})` : `json_object(${pairs})`;
}

/** A JSON array of values (`json_array`/`json_build_array`), e.g. a link and its catalogue entry. */
export function jsonTuple(dialect: Dialect, values: string[]): string {
  return `${dialect === "postgres" ? "json_build_array" : "json_array"}(${values.join(", ")})`;
}

/**
 * An aggregate of `element` over the rows of a subquery, in `orderBy` order (null without rows on
 * PostgreSQL). SQLite orders inside an aggregate from 3.44 on; better-sqlite3 bundles a later one.
 */
export function jsonList(dialect: Dialect, element: string, orderBy: string): string {
  return `${dialect === "postgres" ? "json_agg" : "json_group_array"}(${element} ORDER BY ${orderBy})`;
}

/** A JSON column's value: the driver parses PostgreSQL's `json`, SQLite returns the text. */
export function parsedJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** The mapper for rows built by `jsonRow` (keys are column names, without a prefix). */
export function jsonRowMapper<T extends ObjectLiteral>(ds: DataSource, target: EntityTarget<T>): RowMapper<T> {
  return rowMapper(ds, target, "");
}

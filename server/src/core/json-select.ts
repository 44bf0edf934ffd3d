import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { Dialect } from "./data-source";
import { passesThrough } from "./rows";

/**
 * Related rows as JSON inside one statement (PostgreSQL `json_build_array`/`json_agg`, SQLite
 * `json_array`/`json_group_array`), so that a record and its relations come back in one round
 * trip instead of one statement per relation.
 *
 * Each row is an array of its column values, read back by position and converted as TypeORM
 * converts them (core/rows.ts). JSON carries what the raw row carries on
 * both databases: SQLite's values are the stored ones; PostgreSQL's differ only where the mapper
 * converts anyway (a timestamp is an ISO string without offset, read as local time as the driver
 * reads it; a numeric is a number, which the score transformer makes of the driver's string).
 */

/** PostgreSQL calls take at most 100 arguments. */
const MAX_VALUES = 100;

/** The columns to carry: the named entity properties, or every column when null. */
function columnsOf(ds: DataSource, target: EntityTarget<ObjectLiteral>, properties: readonly string[] | null) {
  const metadata = ds.getMetadata(target);
  const columns = metadata.columns.filter((c) => !c.isVirtual);
  return properties ? columns.filter((c) => properties.includes(c.propertyName)) : columns;
}

/**
 * One row's columns as a JSON array, in entity column order (`alias` is the table's alias in the
 * statement): positions instead of keys keep the text short for SQL to build and for JavaScript to
 * parse (a page carries hundreds of link rows). `jsonRowMapper` reads them back by position.
 */
export function jsonRow(
  ds: DataSource,
  dialect: Dialect,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
  properties: readonly string[] | null,
): string {
  const q = (name: string) => ds.driver.escape(name);
  const columns = columnsOf(ds, target, properties);
  if (columns.length > MAX_VALUES) throw new Error(`jsonRow: ${columns.length} columns, at most ${MAX_VALUES}`);
  return jsonTuple(
    dialect,
    columns.map((c) => `${q(alias)}.${q(c.databaseName)}`),
  );
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

/** Mappers already made, per data source, entity and property list (null: every column). */
const mappers = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Map<readonly string[] | null, unknown>>>();

/**
 * The mapper for rows built by `jsonRow` with the same properties: values by position, converted as
 * TypeORM does. Made once per property list: a page's reader asks for its mappers on every request
 * (its property lists are the cached plan's, the same arrays each time).
 */
export function jsonRowMapper<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  properties: readonly string[] | null,
): (values: readonly unknown[]) => T {
  let perSource = mappers.get(ds);
  if (!perSource) mappers.set(ds, (perSource = new Map()));
  let perTarget = perSource.get(target);
  if (!perTarget) perSource.set(target, (perTarget = new Map()));
  let mapper = perTarget.get(properties) as ((values: readonly unknown[]) => T) | undefined;
  if (!mapper) {
    // Bounded: plans (and so their property lists) are cached per document, in an LRU of documents.
    if (perTarget.size > 200) perTarget.clear();
    perTarget.set(properties, (mapper = makeJsonRowMapper(ds, target, properties)));
  }
  return mapper;
}

function makeJsonRowMapper<T extends ObjectLiteral>(
  ds: DataSource,
  target: EntityTarget<T>,
  properties: readonly string[] | null,
): (values: readonly unknown[]) => T {
  const metadata = ds.getMetadata(target);
  const proto = (metadata.target as { prototype: object }).prototype;
  const columns = columnsOf(ds, target, properties).map((column) => ({ column, plain: passesThrough(column) }));
  const driver = ds.driver;
  return (values) => {
    const entity = Object.create(proto) as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) {
      const { column, plain } = columns[i];
      const value = values[i];
      entity[column.propertyName] = plain || value === null ? value : driver.prepareHydratedValue(value, column);
    }
    return entity as T;
  };
}

/** Where a property's value is in the rows `jsonRow` builds with these properties (-1: not there). */
export function jsonRowPosition(
  ds: DataSource,
  target: EntityTarget<ObjectLiteral>,
  properties: readonly string[] | null,
  property: string,
): number {
  return columnsOf(ds, target, properties).findIndex((c) => c.propertyName === property);
}

import { BadUserInputError } from "./errors";

/**
 * The largest id a record can have: ids are PostgreSQL `integer` columns (32-bit signed), and a
 * larger number in a query is a database error there rather than "no such record". SQLite follows
 * the same rule so that both answer alike.
 */
export const MAX_ENTITY_ID = 2_147_483_647;

/** The rule, as a client reads it after the argument's name. */
export const ENTITY_ID_RULE = `must be an id this API issued (a whole number from 1 to ${MAX_ENTITY_ID})`;

/** Whether a GraphQL `ID` value (always a string once coerced) is one this API could have issued. */
export function isEntityId(value: unknown): value is string {
  return typeof value === "string" && /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= MAX_ENTITY_ID;
}

/** The record id in an `ID` argument; BAD_USER_INPUT naming `path` (e.g. ["id"]) when it cannot be one. */
export function entityId(value: unknown, path: string[]): number {
  if (!isEntityId(value)) throw BadUserInputError.field(path, ENTITY_ID_RULE);
  return Number(value);
}

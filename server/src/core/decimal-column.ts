import type { ColumnOptions, ValueTransformer } from "typeorm";

/**
 * PostgreSQL's driver returns `numeric` as a string (to keep its precision); SQLite (NUMERIC
 * affinity) returns a number. The entity holds a number on both.
 */
export const decimalAsNumber: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : Number(value)),
};

/** Decimal places a score keeps (IELTS 6.5; two allow quarter steps). Inputs allow no more (input-rules.ts). */
export const SCORE_DECIMALS = 2;

/**
 * A nullable score column: numeric(12,2) keeps every integer an older integer column could hold
 * and two decimals exactly. On SQLite, NUMERIC affinity stores 220 as an integer and 6.5 as a
 * real, so the database's JSON shows 220 and 6.5 there as on PostgreSQL (snapshots hash the same).
 */
export const SCORE_COLUMN: ColumnOptions = {
  type: "numeric",
  precision: 12,
  scale: SCORE_DECIMALS,
  nullable: true,
  transformer: decimalAsNumber,
};

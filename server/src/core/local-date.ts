/**
 * Calendar dates with no time of day and no time zone ("2027-03-01"): what a curator means by an
 * application's opening or closing day. They stay strings from the API to the database and back
 * (graphql-scalars' LocalDate, a `date` column), so no JavaScript Date, and so no process time
 * zone, ever takes part; docs/API.md, "Dates".
 *
 * Before they were days, these values were instants (DateTimeISO). The rule that turns such an
 * instant into the day it stood for lives here, once, for the migration's check (the SQL of both
 * migrations does the same; tests/dates/legacy-rule.test.ts holds the three to one another), the
 * deprecated DateTimeISO inputs and snapshot files of schemaVersion 1.
 */
import { GraphQLLocalDate } from "graphql-scalars";

export { GraphQLLocalDate as LocalDateScalar };

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const NOON_MS = DAY_MS / 2;
const QUARTER_HOUR_MS = 900_000;

/** A real calendar day written YYYY-MM-DD (not 2027-02-30). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== "string" || !LOCAL_DATE.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(value);
}

/**
 * The day an instant of the old format stood for. Curators picked days in the admin, which stored
 * the curator's local midnight; API clients mostly sent midnight UTC. So:
 *
 * - an instant at a whole quarter hour after 12:00 UTC is a local midnight east of UTC
 *   (Europe, Africa, Asia to UTC+11:45; every zone's offset is a multiple of 15 minutes): its day
 *   is the next UTC day (Kolkata's 2027-03-01 was 2027-02-28T18:30:00Z → 2027-03-01);
 * - any other instant keeps its UTC day: midnight UTC, a local midnight in the Americas
 *   (03:30 to 10:00 UTC: Toronto's 2027-03-01 was 2027-03-01T05:00:00Z, Los Angeles'
 *   2027-03-01T08:00:00Z), noon UTC, and a time someone typed (2026-09-30T23:59:59.500Z).
 *
 * It cannot tell a midnight at UTC+12 to +14 from an American one, nor an American 23:59 from the
 * next day's early hours: such values (no curator's, as far as the directory knows) move a day.
 */
export function dayOfLegacyInstant(instant: Date): string {
  const t = instant.getTime();
  const timeOfDay = ((t % DAY_MS) + DAY_MS) % DAY_MS;
  const eastMidnight = timeOfDay > NOON_MS && timeOfDay % QUARTER_HOUR_MS === 0;
  return new Date(eastMidnight ? t - timeOfDay + DAY_MS : t).toISOString().slice(0, 10);
}

/**
 * The instant the deprecated DateTimeISO fields give for a day: noon UTC, which a client that
 * still shows them in its own time zone shows as the right day from UTC−11 to UTC+11, and which
 * dayOfLegacyInstant maps back to the same day.
 */
export function noonUtcOf(day: string | null): Date | null {
  return day === null ? null : new Date(`${day}T12:00:00.000Z`);
}

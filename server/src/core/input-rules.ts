import {
  IsNumber,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationOptions,
} from "class-validator";
import { SCORE_DECIMALS } from "./decimal-column";
import { ENTITY_ID_RULE, isEntityId } from "./ids";
import { isLocalDate } from "./local-date";

/** Lower-case words joined by single hyphens: mayo-clinic, internal-medicine. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export function IsSlug(maxLength: number): PropertyDecorator {
  return all(
    IsString(),
    Matches(SLUG_PATTERN, {
      message: "$property must be lower-case letters and digits in words joined by single hyphens, e.g. mayo-clinic",
    }),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

/** An id this API issued (core/ids.ts: a positive whole number that fits the database's integer). */
export function IsEntityId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: "isEntityId",
      validator: {
        validate: isEntityId,
        defaultMessage: (args) => `${Array.isArray(args?.value) ? "each of $property" : "$property"} ${ENTITY_ID_RULE}`,
      },
    },
    options,
  );
}

/**
 * A calendar day written YYYY-MM-DD. The LocalDate scalar checks it in the API already; snapshot
 * import, which checks records with the same input classes, has no scalar in front of it.
 */
export function IsLocalDate(): PropertyDecorator {
  return ValidateBy({
    name: "isLocalDate",
    validator: {
      validate: isLocalDate,
      defaultMessage: () => "$property must be a calendar day written YYYY-MM-DD, e.g. 2027-03-01",
    },
  });
}

export function IsHttpUrl(maxLength = 500): PropertyDecorator {
  return all(
    IsUrl(
      { protocols: ["http", "https"], require_protocol: true },
      { message: "$property must be a full http:// or https:// URL" },
    ),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

/** An unpaired UTF-16 surrogate: half of a character, which no encoding can store. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The rule every text the directory stores obeys, wherever it comes from (API arguments, snapshot
 * imports): what is wrong with `text`, or null. A NUL character cannot be stored by PostgreSQL and
 * no real text has one; a lone surrogate (JSON's "\ud800") is not a character at all, and both
 * databases would silently store U+FFFD in its place, so the text read back would differ.
 */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (U+0000)";
  if (LONE_SURROGATE.test(text))
    return "must not contain a lone surrogate (half of a UTF-16 pair, e.g. \\ud800): send well-formed Unicode";
  return null;
}

/** Where `textProblem` first finds a fault in the strings of a value (nested objects and lists), or null. */
export function findTextProblem(value: unknown, path: string[], depth = 0): { path: string[]; message: string } | null {
  if (typeof value === "string") {
    const message = textProblem(value);
    return message ? { path, message } : null;
  }
  if (value === null || typeof value !== "object" || depth > 8 || value instanceof Date) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findTextProblem(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/** class-validator form of `textProblem`, for input classes validated outside a resolver. */
export function IsWellFormedText(): PropertyDecorator {
  return ValidateBy({
    name: "isWellFormedText",
    validator: {
      validate: (value: unknown) => typeof value !== "string" || textProblem(value) === null,
      defaultMessage: (args) => `$property ${textProblem(String(args?.value ?? "")) ?? "is not well-formed text"}`,
    },
  });
}

/** Text that has something in it besides spaces, up to `maxLength` characters. */
export function IsText(maxLength: number): PropertyDecorator {
  return all(
    IsString(),
    IsWellFormedText(),
    Matches(/\S/, { message: "$property must not be blank" }),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

/**
 * A score, a minimum score or a bound of a score range: a number from 0 to `max` with at most two
 * decimals (what the columns keep, core/decimal-column.ts). Whether it fits a requirement's scale
 * is requirement.rules.ts's question.
 */
export function IsScore(max: number, min = 0): PropertyDecorator {
  return all(
    IsNumber(
      { allowNaN: false, allowInfinity: false, maxDecimalPlaces: SCORE_DECIMALS },
      { message: `$property must be a number with at most ${SCORE_DECIMALS} decimals` },
    ),
    Min(min, { message: `$property must be ${min} or more` }),
    Max(max, { message: `$property must be at most ${max}` }),
  );
}

/** A state or province code such as MN, ON, QC. */
export function IsRegionCode(): PropertyDecorator {
  return Matches(/^[A-Z]{2,3}$/, {
    message: "$property must be a state or province code of 2 or 3 capital letters, e.g. MN or ON",
  });
}

const requiredOnCreateByInput = new Map<abstract new () => unknown, readonly string[]>();

/**
 * The fields a creation must have, declared on the input class itself so that the module's writes
 * (core/entity-writes.ts) and the admin's forms (through admin/src/gql/input-limits.ts) read one list.
 */
export function RequiredOnCreate<K extends string>(...fields: K[]) {
  return <T extends { [P in K]?: unknown }>(target: abstract new () => T): void => {
    requiredOnCreateByInput.set(target, fields);
  };
}

/** The fields `@RequiredOnCreate` declared on `input` (none when it declared nothing). */
export function requiredOnCreate<I>(input: abstract new () => I): readonly (keyof I & string)[] {
  return (requiredOnCreateByInput.get(input) ?? []) as readonly (keyof I & string)[];
}

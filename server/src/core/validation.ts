import { createHash } from "node:crypto";
import { validate, validateSync, type ValidationError, type ValidatorOptions } from "class-validator";
import { getNamedType } from "graphql";
import { LRUCache } from "lru-cache";
import type { ResolverData } from "type-graphql";
import { BadUserInputError, type FieldProblem } from "./errors";
import type { RuleBreach } from "./problems";
import { findTextProblem, textProblem } from "./input-rules";
import { objectId } from "./object-id";

/** How every input class is checked: null and omitted fields are skipped (they clear or keep). */
const INPUT_VALIDATION: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/** A broken class-validator constraint with its whole path, e.g. ["requirements", "0", "note"]. */
interface PathBreach {
  path: string[];
  rule: string;
  message: string;
}

function flatten(errors: ValidationError[], prefix: string[]): PathBreach[] {
  return errors.flatMap((e) => {
    const path = [...prefix, e.property];
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ path, rule, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * The name the client used for this argument, or none for flattened @Args classes. type-graphql
 * validates the converted class instance while `data.args` holds the raw values, so identity
 * rarely matches: the argument is found by its GraphQL input type, the class's name.
 */
function argumentName(value: unknown, data: ResolverData): string | null {
  for (const [name, arg] of Object.entries(data.args ?? {})) if (arg === value) return name;
  const item = Array.isArray(value) ? value[0] : value;
  const className = (item as object | undefined)?.constructor?.name;
  const field = data.info ? data.info.parentType.getFields()[data.info.fieldName] : undefined;
  if (!className || !field) return null;
  const matching = field.args.filter((a) => getNamedType(a.type).name === className);
  return matching.length === 1 ? matching[0].name : null;
}

/**
 * class-validator run for every argument, reporting each problem with its full field path
 * (e.g. ["input", "title"]) under extensions.fields.
 */
export async function validateArgument(value: unknown, _type: unknown, data: ResolverData): Promise<void> {
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) throw BadUserInputError.field([argumentName(value, data) ?? "argument"], problem);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const key = validationKey(value);
  if (key && passedValues.has(key)) return;
  await checkObjectArgument(value, data);
  if (key) passedValues.set(key, true);
}

/**
 * Argument values that passed, by input class and JSON. Whether a value passes depends on its
 * class's decorators and the value alone (no rule reads the database or the request), so a value
 * seen before is not checked again: a page repeated by many readers, or each institution's
 * `programs(first: 10)` under a list, ran class-validator for the same arguments every time.
 * Only passes are kept: a refused value is checked, and reported at its own path, every time.
 * Bounded, and a long value is keyed by a hash of its JSON, so inputs hold little memory here.
 */
const passedValues = new LRUCache<string, true>({ max: 2000 });
const LONGEST_KEPT_JSON = 512;

/** The input class and the value's JSON: values with equal keys are validated alike. */
function validationKey(value: object): string | null {
  const item: unknown = Array.isArray(value) ? value[0] : value;
  const inputClass: unknown = (item as object | undefined)?.constructor;
  if (typeof inputClass !== "function") return null;
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return null; // not JSON (a cycle): validated every time
  }
  if (json.length > LONGEST_KEPT_JSON) json = createHash("sha256").update(json).digest("base64");
  return `${objectId(inputClass)}:${Array.isArray(value) ? "[]" : ""}${json}`;
}

async function checkObjectArgument(value: object, data: ResolverData): Promise<void> {
  const argName = argumentName(value, data);
  // No text anywhere in an argument may hold a NUL or a lone surrogate (core/input-rules.ts).
  const bad = findTextProblem(value, argName ? [argName] : []);
  if (bad) throw BadUserInputError.field(bad.path, bad.message);
  const items = Array.isArray(value) ? value : [value];
  const problems: FieldProblem[] = [];
  for (const [index, item] of items.entries()) {
    if (item === null || typeof item !== "object") continue;
    const errors = await validate(item, INPUT_VALIDATION);
    const prefix = [...(argName ? [argName] : []), ...(Array.isArray(value) ? [String(index)] : [])];
    problems.push(...flatten(errors, prefix).map(({ path, message, rule }) => ({ path, message, rule })));
  }
  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("; ");
    throw new BadUserInputError(`Invalid input: ${summary}`, problems);
  }
}

/**
 * The rules an input object breaks, checked exactly as for an API argument (the same
 * class-validator decorators and options, and no NUL character anywhere), for callers that
 * build the input themselves: snapshot import runs every record through its entity's input class,
 * so a rule added to the API applies to import too. Synchronous: no rule here is asynchronous
 * (class-validator's validateSync would skip one that was).
 */
export function inputRuleBreaches(input: object): RuleBreach[] {
  const nul = textBreach(input);
  if (nul) return [nul];
  return flatten(validateSync(input, INPUT_VALIDATION), []).map(({ path, rule, message }) => ({
    field: path.join("."),
    rule,
    message,
  }));
}

/**
 * The first string in `value` (an object, searched to depth 8) holding a NUL character or a lone
 * surrogate (core/input-rules.ts), as a breach.
 */
export function textBreach(value: object): RuleBreach | null {
  const bad = findTextProblem(value, []);
  if (!bad) return null;
  const rule = bad.message.includes("NUL") ? "noNulCharacter" : "wellFormedText";
  return { field: bad.path.join("."), rule, message: `${bad.path[bad.path.length - 1]} ${bad.message}` };
}

import { validate, type ValidationError } from "class-validator";
import { getNamedType } from "graphql";
import type { ResolverData } from "type-graphql";
import { BadUserInputError, type FieldProblem } from "./errors";
import { findTextProblem, textProblem } from "./input-rules";

function flatten(errors: ValidationError[], prefix: string[]): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = [...prefix, e.property];
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
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
  const argName = argumentName(value, data);
  // No text anywhere in an argument may hold a NUL or a lone surrogate (core/input-rules.ts).
  const bad = findTextProblem(value, argName ? [argName] : []);
  if (bad) throw BadUserInputError.field(bad.path, bad.message);
  const items = Array.isArray(value) ? value : [value];
  const problems: FieldProblem[] = [];
  for (const [index, item] of items.entries()) {
    if (item === null || typeof item !== "object") continue;
    const errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
    const prefix = [...(argName ? [argName] : []), ...(Array.isArray(value) ? [String(index)] : [])];
    problems.push(...flatten(errors, prefix));
  }
  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.path.join(".")}: ${p.message}`).join("; ");
    throw new BadUserInputError(`Invalid input: ${summary}`, problems);
  }
}

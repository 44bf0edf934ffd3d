import { validate, type ValidationError } from "class-validator";
import type { ResolverData } from "type-graphql";
import { BadUserInputError, type FieldProblem } from "./errors";

function flatten(errors: ValidationError[], prefix: string[]): FieldProblem[] {
  return errors.flatMap((e) => {
    const path = [...prefix, e.property];
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** The name the client used for this argument, or none for flattened @Args classes. */
function argumentName(value: unknown, data: ResolverData): string | null {
  for (const [name, arg] of Object.entries(data.args ?? {})) if (arg === value) return name;
  return null;
}

/**
 * class-validator run for every argument, reporting each problem with its full field path
 * (e.g. ["input", "title"]) under extensions.fields.
 */
export async function validateArgument(value: unknown, _type: unknown, data: ResolverData): Promise<void> {
  if (value === null || typeof value !== "object") return;
  const argName = argumentName(value, data);
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

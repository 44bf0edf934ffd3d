import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";

/**
 * Field values read ahead with their parent object, answered without running the field's
 * resolver. An institutions page reads each institution's first programs in its own statement
 * (modules/institution/institution.with-programs.ts); through the resolver, each of the 20
 * institutions would still convert and validate the field's arguments and await a loader's
 * promise for a page already at hand.
 *
 * Whoever keeps a value vouches that it is the field's answer for that object in this request:
 * the object is read for one request, and the field is selected on it once, with arguments that
 * pass the field's validation (else nothing is kept and the resolver runs as usual).
 *
 * The value is held on the object under a symbol of the field's own (not in a WeakMap: setting
 * an entry there cost more than the rest of keeping it, and weak entries cost the collector too).
 */
const symbols = new Map<string, symbol>();

function symbolOf(type: string, field: string): symbol {
  const name = `${type}.${field}`;
  let found = symbols.get(name);
  if (!found) symbols.set(name, (found = Symbol(`kept ${name}`)));
  return found;
}

/** Keeps answers of `type.field` (which must be listed to `answerKeptValues`). */
export function fieldValueKeeper<T extends object>(type: string, field: string): (root: T, value: unknown) => void {
  const symbol = symbolOf(type, field);
  return (root, value) => {
    (root as Record<symbol, unknown>)[symbol] = value;
  };
}

/** Makes each `type.field` answer a value kept for its parent object, else run its resolver. */
export function answerKeptValues(schema: GraphQLSchema, fields: readonly [string, string][]): GraphQLSchema {
  for (const [typeName, fieldName] of fields) {
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field?.resolve) throw new Error(`answerKeptValues: ${typeName}.${fieldName} has no resolver`);
    const symbol = symbolOf(typeName, fieldName);
    const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
    field.resolve = (root, args, context, info) => {
      const value = typeof root === "object" && root !== null ? (root as Record<symbol, unknown>)[symbol] : undefined;
      return value !== undefined ? value : resolve(root, args, context, info);
    };
  }
  return schema;
}

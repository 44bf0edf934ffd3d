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
 */
const kept = new Map<string, WeakMap<object, unknown>>();

const key = (type: string, field: string) => `${type}.${field}`;

/** `type.field`'s answer for `root`, read ahead. */
export function keepFieldValue(type: string, field: string, root: object, value: unknown): void {
  const values = kept.get(key(type, field));
  if (!values) throw new Error(`${key(type, field)} does not answer kept values (answerKeptValues)`);
  values.set(root, value);
}

/** Makes each `type.field` answer a value kept for its parent object, else run its resolver. */
export function answerKeptValues(schema: GraphQLSchema, fields: readonly [string, string][]): GraphQLSchema {
  for (const [typeName, fieldName] of fields) {
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field?.resolve) throw new Error(`answerKeptValues: ${key(typeName, fieldName)} has no resolver`);
    let values = kept.get(key(typeName, fieldName));
    if (!values) kept.set(key(typeName, fieldName), (values = new WeakMap()));
    const store = values;
    const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve;
    field.resolve = (root, args, context, info) => {
      const value = typeof root === "object" && root !== null ? store.get(root) : undefined;
      return value !== undefined ? value : resolve(root, args, context, info);
    };
  }
  return schema;
}

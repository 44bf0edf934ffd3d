import {
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  isWrappingType,
  type ASTVisitor,
  type GraphQLSchema,
  type GraphQLType,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { fieldsByResponseKey, fragmentsOf } from "./document-fields";

/**
 * Introspection answers from memory, but its lists are the schema's own: one `__schema` walk of
 * every type is 135 KB of JSON. The red team's 5,000 aliased `__schema` selections made a 336 MB
 * answer and took the server to 3.6 GB. So introspection counts in the alias limit (core/limits.ts)
 * and in cost like any other field, with each introspection list weighed by how long that list is
 * on average in this schema (a full `getIntrospectionQuery()` costs about what it returns), and an
 * operation may ask for the schema once. Its nesting is capped by graphql-js's own
 * MaxIntrospectionDepthRule (part of the specified rules Apollo runs).
 */

/** `__schema` selections per operation (different response keys, i.e. each alias, count). */
export const MAX_SCHEMA_SELECTIONS = 1;

/** Wrapping layers (non-null, list) around a type reference's named type. */
function wrappers(type: GraphQLType): number {
  return isWrappingType(type) ? 1 + wrappers(type.ofType) : 0;
}

/**
 * How many items each introspection field returns on average in a schema, what its selection's
 * cost is multiplied by: a list's average length, and for `ofType` the chance that a type
 * reference goes one wrapper deeper (tools ask for ten levels; most references have one or two).
 */
function introspectionListLengths(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  let fields = 0;
  let fieldArgs = 0;
  let inputFields = 0;
  let enumValues = 0;
  let interfaces = 0;
  let possibleTypes = 0;
  let references = 0;
  let layers = 0;
  const refer = (type: GraphQLType) => {
    references += 1;
    layers += wrappers(type);
  };
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const own = Object.values(type.getFields());
      fields += own.length;
      fieldArgs += own.reduce((n, f) => n + f.args.length, 0);
      interfaces += type.getInterfaces().length;
      for (const f of own) [f, ...f.args].forEach((x) => refer(x.type));
    }
    if (isInterfaceType(type) || isUnionType(type)) possibleTypes += schema.getPossibleTypes(type).length;
    if (isInputObjectType(type)) {
      const own = Object.values(type.getFields());
      inputFields += own.length;
      own.forEach((f) => refer(f.type));
    }
    if (isEnumType(type)) enumValues += type.getValues().length;
  }
  const perType = (n: number) => n / Math.max(types.length, 1);
  return new Map([
    // Introspection is answered from the schema in memory, never the database: a type and all it
    // lists weigh half what a listing's record does, so a full introspection of this schema stays
    // about the price of a page of 100 programs as the schema grows with the directory's fields.
    ["__Schema.types", types.length * INTROSPECTION_WEIGHT],
    ["__Schema.directives", directives.length],
    ["__Type.fields", perType(fields)],
    ["__Type.inputFields", perType(inputFields)],
    ["__Type.enumValues", perType(enumValues)],
    ["__Type.interfaces", perType(interfaces)],
    ["__Type.possibleTypes", perType(possibleTypes)],
    ["__Field.args", fieldArgs / Math.max(fields, 1)],
    ["__Directive.args", directives.reduce((n, d) => n + d.args.length, 0) / Math.max(directives.length, 1)],
    // Each reference is `layers` wrappers then its named type: a level goes deeper with this chance.
    ["__Type.ofType", layers / Math.max(layers + references, 1)],
  ]);
}

const INTROSPECTION_WEIGHT = 0.5;

const lengthsBySchema = new WeakMap<GraphQLSchema, Map<string, number>>();

/**
 * Cost of an introspection list (or `ofType`): 1 plus how many items it returns on average times
 * what each item asks for; `__typename` is free; other introspection fields fall through to the
 * usual 1 plus their children.
 */
export function introspectionEstimator(schema: GraphQLSchema): ComplexityEstimator {
  let lengths = lengthsBySchema.get(schema);
  if (!lengths) lengthsBySchema.set(schema, (lengths = introspectionListLengths(schema)));
  const known = lengths;
  return ({ type, field, childComplexity }) => {
    // Answered from the type itself, and added to every selection by clients such as Apollo
    // Client (the admin's introspection would cost 2,600 more): free, though its aliases count.
    if (field.name === "__typename") return 0;
    const length = known.get(`${type.name}.${field.name}`);
    if (length === undefined) return undefined;
    return 1 + length * childComplexity;
  };
}

/** Refuses an operation that asks for `__schema` more than once (under several aliases or fragments). */
export const singleSchemaRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const fragments = fragmentsOf(context);
  return {
    OperationDefinition(operation) {
      // `__schema` exists on the query root only, so the root's fields are where to look.
      const keys = [...fieldsByResponseKey(operation.selectionSet, fragments)].filter(
        ([, nodes]) => nodes[0].name.value === "__schema",
      );
      if (keys.length <= MAX_SCHEMA_SELECTIONS) return;
      const name = operation.name ? ` ${operation.name.value}` : "";
      context.reportError(
        new GraphQLError(
          `Operation${name} asks for __schema ${keys.length} times; the maximum is ${MAX_SCHEMA_SELECTIONS} per operation. Ask for the schema once.`,
          {
            nodes: [operation],
            extensions: { limit: "schemaSelections", maximum: MAX_SCHEMA_SELECTIONS, actual: keys.length },
          },
        ),
      );
    },
  };
};

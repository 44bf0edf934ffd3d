import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { fieldsByResponseKey, fragmentsOf } from "./document-fields";

/**
 * Heavy fields: root queries whose one call does far more work than the rows they return
 * (facet counts, eligibility scoring, full-text ranking, snapshot diffs scan or read whole tables
 * or files). The red team's 20 aliased `programFacets` cost 600 by the row count and stalled the
 * server for 17 s, so such a field declares its work (`@Extensions(heavyWork({ cost }))` on the
 * query), which is added to its cost, and an operation may hold only a few of them.
 */
export interface HeavyWork {
  /** Added to the field's cost: what one call does beyond returning its selection. */
  cost: number;
  /** The field is heavy only when given this argument (e.g. `programs` with a `search`). */
  onlyWithArgument?: string;
}

const EXTENSION = "heavyWork";

/** Field extensions marking a root query as heavy: `@Extensions(heavyWork({ cost: 1000 }))`. */
export function heavyWork(work: HeavyWork): Record<string, HeavyWork> {
  return { [EXTENSION]: work };
}

function workOf(field: GraphQLField<unknown, unknown>): HeavyWork | undefined {
  return field.extensions?.[EXTENSION] as HeavyWork | undefined;
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** The work a field adds to an operation's cost, with the request's argument values. */
export function heavyCost(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const work = workOf(field);
  if (!work) return 0;
  if (work.onlyWithArgument && !given(args[work.onlyWithArgument])) return 0;
  return work.cost;
}

/**
 * Whether these (merged) field nodes make the field heavy, before variables are known: an
 * argument given through a variable counts, since the variable may hold a value.
 */
function isHeavy(field: GraphQLField<unknown, unknown>, nodes: FieldNode[]): boolean {
  const work = workOf(field);
  if (!work) return false;
  if (!work.onlyWithArgument) return true;
  return nodes.some((node) =>
    node.arguments?.some((arg) => {
      if (arg.name.value !== work.onlyWithArgument) return false;
      if (arg.value.kind === Kind.NULL) return false;
      return !(arg.value.kind === Kind.STRING && arg.value.value === "");
    }),
  );
}

function heavyFieldNames(root: GraphQLObjectType): string[] {
  return Object.values(root.getFields())
    .flatMap((f) => {
      const work = workOf(f);
      if (!work) return [];
      return [work.onlyWithArgument ? `${f.name} with a ${work.onlyWithArgument}` : f.name];
    })
    .sort();
}

/** Refuses an operation with more than `maximum` heavy root fields (aliases and fragments counted). */
export function heavyFieldsRule(maximum: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context);
    return {
      OperationDefinition(operation) {
        const root = context.getSchema().getRootType(operation.operation);
        if (!root) return;
        const fields = root.getFields();
        const heavy: string[] = [];
        for (const [key, nodes] of fieldsByResponseKey(operation.selectionSet, fragments)) {
          const field = fields[nodes[0].name.value];
          if (field && isHeavy(field, nodes)) heavy.push(key === field.name ? key : `${key}: ${field.name}`);
        }
        if (heavy.length <= maximum) return;
        const name = operation.name ? ` ${operation.name.value}` : "";
        context.reportError(
          new GraphQLError(
            `Operation${name} asks for ${heavy.length} heavy fields (${heavy.join(", ")}); the maximum is ${maximum} per operation. ` +
              `Heavy fields: ${heavyFieldNames(root).join(", ")}. Split it into several requests.`,
            { nodes: [operation], extensions: { limit: "heavyFields", maximum, actual: heavy.length, fields: heavy } },
          ),
        );
      },
    };
  };
}

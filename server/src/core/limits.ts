import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";
import type { QueryLimits } from "./config";
import { DEFAULT_PAGE_SIZE } from "./connection";
import { fragmentsOf, type FragmentMap } from "./document-fields";
import { heavyCost, heavyFieldsRule } from "./heavy-fields";
import { introspectionEstimator, singleSchemaRule } from "./introspection-limits";

/**
 * Query limits, all refused before any resolver runs with GRAPHQL_VALIDATION_FAILED:
 * - depth, aliases, heavy fields (core/heavy-fields.ts) and `__schema` selections
 *   (core/introspection-limits.ts) depend on the document alone: validation rules (Apollo caches a
 *   validated document, so they cost nothing on repeats);
 * - cost depends on `first`, usually a variable, so it is computed with the request's variables
 *   once the operation is resolved and before execution (graphql-query-complexity's own advice
 *   for Apollo Server); checking it in a variable-blind validation rule would have to assume
 *   every `$first` is 100.
 */

/**
 * Walks a selection set with fragments expanded, memoising each fragment (so a fragment spread
 * many times costs one walk) and cutting cycles (which NoFragmentCycles reports anyway).
 */
function measure(
  selectionSet: SelectionSetNode,
  fragments: FragmentMap,
  memo: Map<string, { depth: number; aliases: number }>,
  visiting: Set<string> = new Set(),
): { depth: number; aliases: number } {
  let depth = 0;
  let aliases = 0;
  for (const sel of selectionSet.selections) {
    let inner = { depth: 0, aliases: 0 };
    if (sel.kind === Kind.FIELD) {
      // Introspection (__schema, __type, __typename) is exempt from the depth limit only: tools
      // need its deep type references, and graphql-js's MaxIntrospectionDepthRule caps its nested
      // lists. Its aliases count like any other: 5,000 aliased __schema made a 336 MB answer.
      const introspection = sel.name.value.startsWith("__");
      const child = sel.selectionSet ? measure(sel.selectionSet, fragments, memo, visiting) : { depth: 0, aliases: 0 };
      inner = { depth: introspection ? 0 : child.depth + 1, aliases: child.aliases + (sel.alias ? 1 : 0) };
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(sel.selectionSet, fragments, memo, visiting);
    } else {
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      let known = memo.get(name);
      if (!known) {
        visiting.add(name);
        known = measure(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, known);
      }
      inner = known;
    }
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
  }
  return { depth, aliases };
}

function shapeRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context);
    const memo = new Map<string, { depth: number; aliases: number }>();
    return {
      OperationDefinition(operation) {
        const { depth, aliases } = measure(operation.selectionSet, fragments, memo);
        const name = operation.name ? ` ${operation.name.value}` : "";
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(
              `Operation${name} is nested ${depth} levels deep; the maximum is ${limits.maxDepth}. Ask for fewer nested fields.`,
              {
                nodes: [operation],
                extensions: { limit: "depth", maximum: limits.maxDepth, actual: depth },
              },
            ),
          );
        }
        if (aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(
              `Operation${name} uses ${aliases} aliases; the maximum is ${limits.maxAliases}. Split it into several requests.`,
              {
                nodes: [operation],
                extensions: { limit: "aliases", maximum: limits.maxAliases, actual: aliases },
              },
            ),
          );
        }
      },
    };
  };
}

/** Validation rules for Apollo's `validationRules`: depth, aliases, heavy fields, one `__schema`. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [shapeRule(limits), heavyFieldsRule(limits.maxHeavyFields), singleSchemaRule];
}

/**
 * A connection (any field with a `first` argument) costs 1 plus `first` times what each item asks
 * for (first defaults to 20); other fields cost 1 plus their children. A heavy field adds its
 * declared work (core/heavy-fields.ts).
 */
export const connectionEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const work = heavyCost(field, args);
  if (!field.args.some((a) => a.name === "first")) return 1 + childComplexity + work;
  const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + Math.max(first, 1) * childComplexity + work;
};

/** The cost of an operation with its variables (what the limit compares). */
export function operationCost(
  schema: Parameters<typeof getComplexity>[0]["schema"],
  query: Parameters<typeof getComplexity>[0]["query"],
  variables: Record<string, unknown>,
  operationName?: string,
): number {
  const estimators = [introspectionEstimator(schema), connectionEstimator, simpleEstimator({ defaultComplexity: 1 })];
  // Introspection weighs items by average list lengths (core/introspection-limits.ts): a fraction.
  return Math.ceil(getComplexity({ schema, query, variables, operationName, estimators }));
}

/**
 * Costs already computed, by query text (Apollo's hash of it), operation and variables: the cost
 * is a function of these alone (the schema is fixed), and computing it walks the whole document
 * with a TypeInfo, ~8% of the CPU of a one-statement request. A repeated request reads its cost
 * here and is refused or let through exactly as the first was. Variables are keyed by a hash of
 * their JSON, so a large variable holds no memory here.
 */
export class OperationCosts {
  private readonly known = new LRUCache<string, number>({ max: 1000 });

  cost(
    schema: Parameters<typeof operationCost>[0],
    query: Parameters<typeof operationCost>[1],
    variables: Record<string, unknown>,
    operationName: string | undefined,
    queryHash: string | undefined,
  ): number {
    if (!queryHash) return operationCost(schema, query, variables, operationName);
    const json = JSON.stringify(variables);
    const key = `${queryHash}:${operationName ?? ""}:${json === "{}" ? "" : createHash("sha1").update(json).digest("base64")}`;
    let cost = this.known.get(key);
    if (cost === undefined) {
      cost = operationCost(schema, query, variables, operationName);
      this.known.set(key, cost);
    }
    return cost;
  }
}

/** Refuses an operation whose cost exceeds the limit, after it is resolved and before it runs. */
export function costLimitPlugin<C extends object>(maxCost: number): ApolloServerPlugin<C> {
  const costs = new OperationCosts();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, queryHash }) {
          let cost: number;
          try {
            cost = costs.cost(schema, document, request.variables ?? {}, operationName ?? undefined, queryHash);
          } catch {
            return; // variables that do not fit their types: execution refuses them before any resolver
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `Operation cost ${cost} exceeds the maximum of ${maxCost}. A connection costs \`first\` times what each item asks for: ask for fewer items or fewer nested fields.`,
              {
                extensions: {
                  code: "GRAPHQL_VALIDATION_FAILED",
                  limit: "cost",
                  maximum: maxCost,
                  actual: cost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}

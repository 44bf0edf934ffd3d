import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  execute,
  GraphQLError,
  locatedError,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type SourceLocation,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";
import type { ExecutorConfig } from "./config";
import { log } from "./logger";

/**
 * The executor for validated operations: graphql-jit, with graphql-js wherever jit would answer
 * differently.
 *
 * Why: the page query resolves ~3,000 fields, and graphql-js spends ~1.5 ms of its ~8.7 ms CPU
 * walking them (per-field argument objects, promise bookkeeping). graphql-jit compiles an
 * operation once into a function that does the same walk, with identical output.
 *
 * How it plugs in: Apollo Server 5 has no `executor` option; the only way to replace execution is
 * its `gateway` option (`load()` returns `{ executor }`, the schema comes through
 * `onSchemaLoadOrUpdate`). Apollo runs everything else as usual around it: APQ, parsing,
 * validation (our limit rules included), `didResolveOperation` (the cost limit), GET-only-queries,
 * `executionDidStart`, error formatting (`formatError`), and its re-coding of variable-coercion
 * errors as BAD_USER_INPUT (recognised by the error's `nodes`). It calls this executor in place of
 * graphql-js's `execute`, and only that.
 *
 * Where jit and graphql-js differ, graphql-js runs:
 * - operations seen fewer than `compileAfter` times: a one-off (or hostile) query never pays the
 *   compile cost nor takes a cache slot; compiled queries live in a bounded LRU;
 * - requests whose variables are refused (jit words those errors differently and without the
 *   AST nodes Apollo needs to answer BAD_USER_INPUT): nothing has run yet, so graphql-js simply
 *   coerces them again and reports them as it always did;
 * - mutations: graphql-js runs root mutations one after another and stops at the first that fails
 *   with null in a non-null field; jit's compiled mutation goes on with the next one (it would
 *   write what graphql-js never does). Mutations are not the hot path;
 * - queries whose answer holds more than one error: jit orders errors differently (those from
 *   nullable fields first) and drops some once the whole result is null; graphql-js runs the query
 *   again (queries only read) and answers with its own list: such an answer costs two executions;
 * - operations jit cannot compile, subscriptions, and documents without the requested operation.
 * jit's field errors are rebuilt as graphql-js would build them (`locatedError`: the thrown error
 * as `originalError`, its extensions, the same message, path and locations), since jit's own
 * error objects lack `nodes` and an `extensions` object, which Apollo's error formatting reads.
 * tests/executor/ runs a set of operations through both executors and compares the answers.
 */

type Gateway = NonNullable<ApolloServerOptionsWithGateway<object>["gateway"]>;
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

/**
 * A copy of a document's nodes (locations shared): graphql-jit annotates the field nodes it
 * compiles (`__internalShouldInclude`), and Apollo shares one parsed document between requests.
 */
function cloneDocument<T>(node: T): T {
  if (Array.isArray(node)) return node.map(cloneDocument) as T;
  if (node === null || typeof node !== "object") return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = key === "loc" ? value : cloneDocument(value);
  return copy as T;
}

export interface CompiledQueriesOptions {
  /** Compile an operation on its Nth execution. */
  compileAfter: number;
  /** Compiled operations kept (least recently used dropped first); a compiled page query holds ~200 KB. */
  maxCompiled?: number;
  /** Operations whose executions are counted until they reach `compileAfter`. */
  maxCounted?: number;
}

/** Compiled operations by document hash and operation name, compiled once worth it. */
export class CompiledQueries {
  /** `false`: jit could not compile it; graphql-js runs it. */
  private readonly compiled: LRUCache<string, CompiledQuery | false>;
  /** Executions so far of operations not compiled yet (one-off queries churn this, not `compiled`). */
  private readonly counts: LRUCache<string, number>;
  private readonly compileAfter: number;

  constructor(
    private readonly schema: GraphQLSchema,
    options: CompiledQueriesOptions,
  ) {
    this.compileAfter = options.compileAfter;
    this.compiled = new LRUCache({ max: options.maxCompiled ?? 100 });
    this.counts = new LRUCache({ max: options.maxCounted ?? 2000 });
  }

  /** The compiled operation, or null while graphql-js should run it. */
  get(key: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    const known = this.compiled.get(key);
    if (known !== undefined) return known || null;
    const count = (this.counts.get(key) ?? 0) + 1;
    if (count < this.compileAfter) {
      this.counts.set(key, count);
      return null;
    }
    this.counts.delete(key);
    const compiled = this.compile(document, operationName);
    this.compiled.set(key, compiled);
    return compiled || null;
  }

  get stats(): { compiled: number; counted: number } {
    return { compiled: this.compiled.size, counted: this.counts.size };
  }

  private compile(document: DocumentNode, operationName: string | undefined): CompiledQuery | false {
    try {
      const result = compileQuery(this.schema, cloneDocument(document), operationName, {
        // Errors are rebuilt as graphql-js errors (with their own stack) below.
        disablingCapturingStackErrors: true,
        // The default mixes up the conditions of one fragment spread under different
        // @include/@skip (tests/executor/jit-queries.test.ts); the per-path variant gets them right.
        useExperimentalPathBasedSkipInclude: true,
      });
      if (isCompiledQuery(result)) return result;
      log.warn("graphql-jit cannot compile an operation; graphql-js runs it", {
        operationName,
        error: result.errors?.[0]?.message,
      });
    } catch (error) {
      log.warn("graphql-jit cannot compile an operation; graphql-js runs it", { operationName, error });
    }
    return false;
  }
}

/** A field error from jit as graphql-js's `locatedError` builds it. */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const original: unknown = error.originalError;
  const rebuilt =
    original === undefined
      ? new GraphQLError(error.message, { path: error.path }) // e.g. "Cannot return null for non-nullable field …"
      : locatedError(original, undefined, error.path);
  // An error that already knew its path comes back as it was thrown; otherwise add where it happened.
  if (rebuilt !== original && error.locations?.length) {
    (rebuilt as { locations?: readonly SourceLocation[] }).locations = error.locations;
  }
  return rebuilt;
}

type GatewayContext = Parameters<GatewayExecutor>[0];

/** Runs operations with compiled queries where that is worth it and safe, graphql-js otherwise. */
export function createJitExecutor(
  schema: GraphQLSchema,
  options: CompiledQueriesOptions,
): { executor: GatewayExecutor; cache: CompiledQueries } {
  const cache = new CompiledQueries(schema, options);
  const graphqlJs = ({ document, request, context }: GatewayContext) =>
    execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: request.operationName,
    });

  const executor: GatewayExecutor = async (requestContext) => {
    const { operation, document, request, context, queryHash } = requestContext;
    // Without an operation graphql-js reports why (Apollo expects exactly its error). Mutations
    // stay on graphql-js: jit goes on with the next root mutation after one fails with null.
    if (!operation || operation.operation !== "query" || !queryHash) return graphqlJs(requestContext);
    const compiled = cache.get(`${queryHash}:${request.operationName ?? ""}`, document, request.operationName);
    if (!compiled) return graphqlJs(requestContext);
    let result: ExecutionResult;
    try {
      result = await compiled.query(undefined, context, request.variables ?? {});
    } catch (error) {
      // Not expected: jit reports resolver errors in the result. A query only reads, so graphql-js
      // can answer it instead.
      log.warn("graphql-jit failed to run a query; graphql-js answers it", {
        operationName: request.operationName,
        error,
      });
      return graphqlJs(requestContext);
    }
    // No data at all: the variables were refused before anything ran.
    if (!("data" in result) || result.data === undefined) return graphqlJs(requestContext);
    if (!result.errors?.length) return result;
    // Several errors: graphql-js lists them in the order they happened; jit lists errors from
    // nullable fields first, then those from non-null ones, and stops at the first that nulls the
    // whole result. graphql-js answers it again (a query only reads).
    if (result.errors.length > 1) return graphqlJs(requestContext);
    return { data: result.data, errors: result.errors.map(asGraphQLJsError) };
  };
  return { executor, cache };
}

/** The `gateway` to give ApolloServer: our schema, executed by graphql-jit (see above). */
export function jitGateway(schema: GraphQLSchema, config: ExecutorConfig): Gateway & { cache: CompiledQueries } {
  const { executor, cache } = createJitExecutor(schema, { compileAfter: config.compileAfter });
  let announce: Parameters<Gateway["onSchemaLoadOrUpdate"]>[0] | undefined;
  return {
    cache,
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => {
        announce = undefined;
      };
    },
    async load() {
      // Apollo takes the schema from this callback (it must come before load() resolves).
      announce?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {},
  };
}

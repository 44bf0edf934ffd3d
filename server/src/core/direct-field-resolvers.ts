import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";

/**
 * type-graphql wraps every field resolver in a handler that, on each call, builds its resolver
 * data, asks the container for the instance, walks the (empty) middleware chain and sorts and maps
 * the parameter list. A page of programs calls relation and text field resolvers some 800 times
 * (title, institution, requirements, each link's requirement and its name…), so that wrapper is a
 * measurable share of the page's CPU.
 *
 * For field resolvers whose parameters are only `@Root()`, `@Ctx()` and `@Info()` (no arguments
 * to convert or validate), with no roles and no middleware, this calls the method directly with
 * the same values. A root that type-graphql would convert (not an instance of the parameter's
 * class) goes through its handler as before, so behaviour is the same in every case.
 */

type ParamKind = "root" | "context" | "info";
type AnyClass = abstract new (...args: never[]) => unknown;

interface DirectCandidate {
  kind: string;
  target: AnyClass;
  methodName: string;
  schemaName: string;
  roles?: unknown[];
  middlewares?: unknown[];
  params?: { kind: string; index: number; propertyName?: string; getType?: () => unknown }[];
}

/** The parameter kinds in call order, or null when the resolver needs type-graphql's handler. */
function directParams(resolver: DirectCandidate): { kinds: ParamKind[]; rootType: AnyClass | null } | null {
  if (resolver.kind !== "external" || resolver.roles?.length || resolver.middlewares?.length) return null;
  const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
  if (params.length > 3 || params.some((p, i) => p.index !== i)) return null;
  let rootType: AnyClass | null = null;
  const kinds: ParamKind[] = [];
  for (const p of params) {
    if ((p.kind !== "root" && p.kind !== "context" && p.kind !== "info") || p.propertyName) return null;
    if (p.kind === "root" && p.getType) {
      const type = p.getType();
      if (typeof type !== "function") return null;
      rootType = type as AnyClass;
    }
    kinds.push(p.kind);
  }
  return { kinds, rootType };
}

const direct = new WeakSet<GraphQLFieldResolver<unknown, unknown>>();

/** Whether a field's resolver is a direct call (for tests). */
export function isDirectResolver(resolve: GraphQLFieldResolver<unknown, unknown> | undefined): boolean {
  return resolve !== undefined && direct.has(resolve);
}

/**
 * Replaces type-graphql's handlers by direct calls where that changes nothing (see above), for
 * the field resolvers of `resolverClasses` (those the schema was built from). Returns the schema.
 */
export function directFieldResolvers(schema: GraphQLSchema, resolverClasses: readonly unknown[]): GraphQLSchema {
  const classes = new Set<unknown>(resolverClasses);
  const instances = new Map<AnyClass, Record<string, (...a: unknown[]) => unknown>>();
  for (const resolver of getMetadataStorage().fieldResolvers as unknown as DirectCandidate[]) {
    if (!classes.has(resolver.target) || (resolver.target as { length: number }).length > 0) continue;
    const typeName = (resolver as { getObjectType?: () => { name?: string } }).getObjectType?.().name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    const params = directParams(resolver);
    if (!field?.resolve || !params) continue;
    let instance = instances.get(resolver.target);
    if (!instance) {
      instance = new (resolver.target as new () => Record<string, (...a: unknown[]) => unknown>)();
      instances.set(resolver.target, instance);
    }
    field.resolve = directResolver(instance, resolver.methodName, params.kinds, params.rootType, field.resolve);
  }
  return schema;
}

function directResolver(
  instance: Record<string, (...a: unknown[]) => unknown>,
  methodName: string,
  kinds: ParamKind[],
  rootType: AnyClass | null,
  wrapped: GraphQLFieldResolver<unknown, unknown>,
): GraphQLFieldResolver<unknown, unknown> {
  const method = instance[methodName];
  const converts = (root: unknown) => rootType !== null && root != null && !(root instanceof rootType);
  const pick = (kind: ParamKind, root: unknown, context: unknown, info: unknown) =>
    kind === "root" ? root : kind === "context" ? context : info;
  const [a, b, c] = kinds;
  const resolve: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) => {
    if (converts(root)) return wrapped(root, args, context, info);
    return method.call(
      instance,
      a && pick(a, root, context, info),
      b && pick(b, root, context, info),
      c && pick(c, root, context, info),
    );
  };
  direct.add(resolve);
  return resolve;
}

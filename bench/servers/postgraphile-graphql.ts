/**
 * PostGraphile 4 needs graphql 15 while the app is on 16, so npm installs graphql 15 twice (under
 * postgraphile and under graphile-build-pg): two copies of graphql in one schema fail with
 * "Unexpected input type". Imported first by the PostGraphile contender only, this sends every
 * `graphql` import of that process to postgraphile's own copy.
 */
import Module from "node:module";
import path from "node:path";

const postgraphileDir = path.dirname(require.resolve("postgraphile/package.json"));
const graphqlDir = path.dirname(require.resolve("graphql/package.json", { paths: [postgraphileDir] }));

type Resolve = (request: string, parent: unknown, isMain: boolean, options: unknown) => string;
const resolver = Module as unknown as { _resolveFilename: Resolve };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request, parent, isMain, options) {
  if (request === "graphql" || request.startsWith("graphql/")) {
    return original.call(this, path.join(graphqlDir, request.slice("graphql".length)), parent, isMain, options);
  }
  return original.call(this, request, parent, isMain, options);
};

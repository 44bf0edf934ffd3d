import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "./context";

export const NOT_CACHEABLE = "private, no-store";

/**
 * What a GraphQL answer varies with. Apollo's response headers replace the ones Express set before
 * (the CORS middleware's `Vary: Origin` among them), so the whole list is set here, Origin
 * included: an allowed origin's answer carries its Access-Control-Allow-Origin, and a shared cache
 * must not hand it to another origin.
 */
export const GRAPHQL_VARY = "Origin, Authorization, Accept-Language";

/**
 * Cache-Control for every GraphQL response. Anonymous reads of the public directory that
 * succeeded are `public, max-age=N`, so a CDN or browser can serve repeats (GET requests, with
 * automatic persisted queries to keep URLs short). Anything a curator asks (drafts, history),
 * any mutation, any request with credentials and any error is `private, no-store`.
 * `Vary: Origin` keeps a shared cache from answering one origin with another's CORS headers;
 * `Vary: Authorization` keeps shared caches from answering a signed-in request with a public copy;
 * `Vary: Accept-Language`, from answering a French reader with the English copy (texts answer in
 * the header's language when the query gives no `locale`, core/locale.ts).
 */
export function cacheControlPlugin(publicMaxAge: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, contextValue, operation }) {
          const body = response.body;
          const succeeded = body.kind === "single" && !body.singleResult.errors?.length;
          const anonymous = !contextValue?.viewer?.curator && !request.http?.headers.get("authorization");
          const cacheable = publicMaxAge > 0 && succeeded && anonymous && operation?.operation === "query";
          response.http.headers.set("cache-control", cacheable ? `public, max-age=${publicMaxAge}` : NOT_CACHEABLE);
          response.http.headers.set("vary", GRAPHQL_VARY);
        },
      };
    },
  };
}

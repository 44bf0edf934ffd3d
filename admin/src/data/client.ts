import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { readSession } from "./session";

/** The same public endpoint every frontend uses: served by the API server (or proxied by `npm run admin:dev`). */
export const GRAPHQL_URL = "/graphql";

/**
 * Adds the curator's bearer token, and turns 4xx answers that carry GraphQL errors into ordinary
 * GraphQL results so their codes and field paths reach the admin (Apollo would keep only the status).
 */
async function directoryFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = readSession()?.token;
  if (token) headers.set("authorization", `Bearer ${token}`);
  // Curators edit the English source text in `title`/`name` and the French in `titleFr`/`nameFr`:
  // whatever the browser's language, the API must answer the source text (core/locale.ts).
  headers.set("accept-language", "en");
  const res = await fetch(input, { ...init, headers });
  if (res.ok) return res;
  const text = await res.text();
  try {
    const body = JSON.parse(text);
    if (Array.isArray(body?.errors)) {
      body.errors = body.errors.map((e: { extensions?: Record<string, unknown> }) => ({
        ...e,
        extensions: { ...e.extensions, httpStatus: res.status },
      }));
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    }
  } catch {
    // not JSON: let Apollo report the HTTP status
  }
  return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
}

export function createApolloClient(): ApolloClient<unknown> {
  return new ApolloClient({
    link: new HttpLink({ uri: GRAPHQL_URL, fetch: directoryFetch }),
    // Every read goes to the network (react-admin has its own cache); this cache stays empty.
    cache: new InMemoryCache(),
    defaultOptions: {
      query: { fetchPolicy: "no-cache" },
      mutate: { fetchPolicy: "no-cache" },
      watchQuery: { fetchPolicy: "no-cache" },
    },
  });
}

import { CuratorRole, type Curator } from "../../server/src/modules/curator/curator.entity";
import { factories, TEST_PASSWORD } from "./factories";
import type { TestServer } from "./server";

export interface HttpResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** POSTs an operation to a listening server, with a bearer token when given. */
export async function httpGql<T = Record<string, any>>(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: HttpResult["errors"] };
  return { status: res.status, data: body.data, errors: body.errors };
}

export const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt curator { id email role } }
}`;

/**
 * A curator of `role` made by the factory, signed in through the real login mutation over HTTP.
 * Returns the token and a `gql` that sends it.
 */
export async function loginAs(
  server: TestServer,
  base: string,
  role: CuratorRole | keyof typeof CuratorRole,
  o: Partial<Curator> = {},
) {
  const curator = await factories(server.ds).curator({ role: role as CuratorRole, ...o });
  const result = await httpGql(base, LOGIN, { email: curator.email, password: TEST_PASSWORD });
  if (result.errors?.length || !result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  const token: string = result.data.login.token;
  return {
    curator,
    token,
    expiresAt: result.data.login.expiresAt as string,
    gql: <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
      httpGql<T>(base, query, variables, token),
  };
}

export { CuratorRole };

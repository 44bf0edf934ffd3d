import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { ERROR_FIELDS, normalise, useExecutorPair } from "./pair";

// Errors, mutations, then HTTP (the order of old): the mutations verify a program, so ERROR_FIELDS, sent
// over HTTP too, meets a verifier whose email anonymous may not read.
const pair = useExecutorPair();
const { same } = pair;

describe("jit executor answers as graphql-js does", () => {
  it("resolver errors: BAD_USER_INPUT, UNAUTHENTICATED and null propagation, masked internal errors", async () => {
    const refused = await same(`query($n: Int!) { programs(first: $n) { totalCount } }`, { n: 101 });
    expect(refused.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(refused.data).toBeNull();
    await same(`{ auditLog(first: 1) { totalCount } me { name } }`);
    await same(`{ me { name } programsDueForReview(first: 2) { totalCount } }`, undefined, "viewer");
    await same(`{ specialties(first: 1) { totalCount } curators(first: 1) { totalCount } }`, undefined, "editor");
    // A plain Error from a service: INTERNAL_SERVER_ERROR, message masked, null in its place.
    const spies = [pair.jit, pair.js].map((side) =>
      jest.spyOn(side.deps.services.specialties, "findOne").mockRejectedValue(new Error("database on fire")),
    );
    try {
      const masked = await same(`{ specialty(slug: "any") { name } specialties(first: 1) { totalCount } }`);
      expect(masked.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
      expect(masked.errors[0].message).not.toMatch(/fire/);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("mutations: serial execution, validation, FORBIDDEN, UNAUTHENTICATED, CONFLICT, then null propagation in lists", async () => {
    // Serial: once `a` fails (its slug is taken from the second run on), graphql-js stops and `b` never runs.
    await same(
      `mutation($s: String!) { a: createSpecialty(input: { slug: "serial-fixed", name: "Fixed" }) { slug name } b: createSpecialty(input: { slug: $s, name: "Var" }) { slug } }`,
      (run) => ({ s: `serial-${run}` }),
      "editor",
    );
    await same(`{ specialties(first: 100) { totalCount edges { node { slug name } } } }`);
    const invalid = await same(
      `mutation($input: ProgramInput!) { createProgram(input: $input) { id } }`,
      {
        input: { slug: "Not A Slug", title: "x".repeat(301), type: "FELLOWSHIP", audience: "GRADUATE", country: "US" },
      },
      "editor",
    );
    expect(invalid.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(invalid.errors[0].extensions.fields.length).toBeGreaterThan(1);
    expect(
      (await same(`mutation { createSpecialty(input: { slug: "nope", name: "Nope" }) { slug } }`, undefined, "viewer"))
        .errors[0].extensions.code,
    ).toBe("FORBIDDEN");
    expect(
      (await same(`mutation { createSpecialty(input: { slug: "nope", name: "Nope" }) { slug } }`)).errors[0].extensions
        .code,
    ).toBe("UNAUTHENTICATED");
    const conflict = await same(
      `mutation { updateSpecialty(id: "1", version: 999, input: { name: "Stale" }) { version } }`,
      undefined,
      "editor",
    );
    expect(conflict.errors[0].extensions.code).toBe("CONFLICT");
    await same(
      `mutation($id: ID!) { verifyProgram(id: $id, version: 1, note: "checked") { slug verifiedBy { name } } }`,
      { id: "1" },
      "editor",
    );
    // Anonymous may read verifiedBy { name } but not its email (String!): null for verifiedBy, an error per program.
    const partial = await same(ERROR_FIELDS);
    expect(partial.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    await same(ERROR_FIELDS, undefined, "viewer");
    // Errors in the order they happen: here the non-null field's error comes before the nullable one's.
    const spies = [pair.jit, pair.js].map((side) =>
      jest.spyOn(side.deps.services.specialties, "findOne").mockImplementation(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("late");
      }),
    );
    try {
      const two = await same(`{ specialty(slug: "any") { name } program(id: "1") { verifiedBy { email } } }`);
      expect(two.errors.map((e: any) => e.path[0])).toEqual(["program", "specialty"]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("over HTTP: POST, GET with persisted queries, status codes and Cache-Control", async () => {
    for (const side of [pair.jit, pair.js]) {
      await new Promise<void>((resolve) => side.app.httpServer.listen(0, "127.0.0.1", resolve));
      side.base = `http://127.0.0.1:${(side.app.httpServer.address() as AddressInfo).port}`;
    }
    const query = `query Titles($first: Int!) { programs(first: $first) { totalCount edges { node { title } } } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const get = (params: Record<string, unknown>) =>
      `/graphql?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]))}`;
    const requests: [string, RequestInit][] = [
      [get({ extensions, variables: { first: 2 } }), {}],
      [get({ query, extensions, variables: { first: 2 } }), {}],
      [get({ extensions, variables: { first: 2 } }), {}],
      [get({ extensions, variables: { first: 2 } }), {}],
      [get({ extensions, variables: { first: "two" } }), {}],
      [get({ extensions, variables: { first: 500 } }), {}],
      [get({ query: `mutation { logout }` }), {}],
      ["/graphql", { method: "POST", body: JSON.stringify({ query, variables: { first: 1 } }) }],
      [
        "/graphql",
        {
          method: "POST",
          body: JSON.stringify({
            query: `{ programs(first: 100) { edges { node { institution { programs(first: 100) { edges { node { title } } } } } } } }`,
          }),
        },
      ],
      ["/graphql", { method: "POST", body: JSON.stringify({ query: ERROR_FIELDS }) }],
    ];
    for (const [path, init] of requests) {
      for (let run = 0; run < 2; run++) {
        const answers = await Promise.all(
          [pair.js, pair.jit].map(async (side) => {
            const res = await fetch(`${side.base}${path}`, {
              ...init,
              headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
            });
            return {
              path,
              status: res.status,
              cacheControl: res.headers.get("cache-control"),
              body: normalise(await res.json()),
            };
          }),
        );
        expect(answers[1]).toEqual(answers[0]);
      }
    }
  });
});

import { spawn } from "node:child_process";
import path from "node:path";
import type { DataSource } from "typeorm";
import { seedSampleDirectory } from "../../server/src/seed/seed";
import { createTestServer } from "./server";

const root = path.resolve(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node before any build
const { ensureAdminBuild } = require(path.join(root, "scripts", "ensure-admin-build.js")) as {
  ensureAdminBuild(o?: { quiet?: boolean }): boolean;
};

export type Role = "admin" | "editor" | "viewer";

export interface AdminServer {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The admin's entry page: `${baseUrl}/admin/` */
  adminUrl: string;
  curators: Record<Role, { email: string; password: string; name: string }>;
  /** The server's data source (for set-up a test cannot do through the admin). */
  ds: DataSource;
  /** A GraphQL call over HTTP, signed in as `as` (anonymous when null). */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Role | null,
  ): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

/** Builds the admin when admin/dist is missing or stale (shared with `npm start`). */
export function buildAdmin(): void {
  ensureAdminBuild({ quiet: true });
}

/** Runs the real CLI (`directory user create …`) from the sources, the password on standard input. */
function runCli(args: string[], databaseUrl: string, stdin: string): Promise<string> {
  const entry = `require(${JSON.stringify(path.join(__dirname, "swc-register.js"))});
require(${JSON.stringify(path.join(root, "server", "src", "cli.ts"))}).runCli(process.argv.slice(1)).then((c) => process.exit(c));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", entry, ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`directory ${args.join(" ")} exited ${code}: ${out}`)),
    );
    child.stdin.end(stdin);
  });
}

/**
 * A real server for browser tests: a fresh database with the sample directory, the built admin at
 * /admin, listening on a free loopback port, and three curators (admin through the CLI, editor
 * and viewer through the createCurator mutation).
 */
export async function startAdminServer(
  options: { curators?: boolean; env?: Record<string, string> } = {},
): Promise<AdminServer> {
  buildAdmin();
  const server = await createTestServer(options.env);
  await seedSampleDirectory(server.ds);
  const baseUrl = await server.listen();
  const curators: AdminServer["curators"] = {
    admin: { email: "admin@example.test", password: "admin-password-1234", name: "Ada Admin" },
    editor: { email: "editor@example.test", password: "editor-password-1234", name: "Eddie Editor" },
    viewer: { email: "viewer@example.test", password: "viewer-password-1234", name: "Vera Viewer" },
  };
  const tokens = new Map<Role, string>();

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  const tokenOf = async (role: Role) => {
    if (!tokens.has(role)) {
      const { email, password } = curators[role];
      const r = await post(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
        e: email,
        p: password,
      });
      if (!r.data?.login?.token) throw new Error(`cannot sign in as ${role}: ${JSON.stringify(r.errors)}`);
      tokens.set(role, r.data.login.token);
    }
    return tokens.get(role)!;
  };

  if (options.curators !== false) {
    const db = server.config.database;
    const databaseUrl = db.kind === "sqlite" ? `sqlite:${db.path}` : db.url;
    await runCli(
      ["user", "create", "--email", curators.admin.email, "--role", "admin"],
      databaseUrl,
      `${curators.admin.password}\n`,
    );
    for (const role of ["editor", "viewer"] as const) {
      const c = curators[role];
      const r = await post(
        `mutation($input: CuratorInput!) { createCurator(input: $input) { id } }`,
        { input: { email: c.email, name: c.name, role: role.toUpperCase(), password: c.password } },
        await tokenOf("admin"),
      );
      if (r.errors) throw new Error(`cannot create the ${role}: ${JSON.stringify(r.errors)}`);
    }
  }

  return {
    baseUrl,
    adminUrl: `${baseUrl}/admin/`,
    curators,
    ds: server.ds,
    gql: async (query, variables, as = "editor") => post(query, variables, as ? await tokenOf(as) : undefined),
    close: () => server.close(),
  };
}

/** Makes a (synthetic) program through the API as the editor: a US observership for graduates unless `input` says otherwise. */
export async function createProgram(
  server: AdminServer,
  input: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const r = await server.gql(`mutation($input: ProgramInput!) { createProgram(input: $input) { id version } }`, {
    // A source, as publishing needs one (synthetic data says so).
    input: {
      type: "OBSERVERSHIP",
      audience: "GRADUATE",
      country: "US",
      sourceNote: "Synthetic test listing",
      ...input,
    },
  });
  if (r.errors) throw new Error(`cannot create the program: ${JSON.stringify(r.errors)}`);
  return r.data.createProgram;
}

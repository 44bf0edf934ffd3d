import type { Command } from "commander";
import type { DataSource } from "typeorm";
import { CliError, type CliDatabase } from "../../core/cli-support";
import { BadUserInputError, ConflictError } from "../../core/errors";
import { terminalText as t } from "../../core/terminal-text";
import { Curator, CuratorRole } from "./curator.entity";
import { CuratorService, normalizeEmail } from "./curator.service";
import { passwordProblem } from "./password";

/** Where the password comes from: standard input (a terminal or a pipe). */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stderr: NodeJS.WritableStream;
}

const defaultIo = (): CliIo => ({ stdin: process.stdin, stderr: process.stderr });

/** Reads one line from a terminal without echoing it. */
function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const done = (error?: Error) => {
      stdin.removeListener("data", onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003" || ch === "\u0004") return done(new CliError("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The first line of piped standard input. */
async function readPiped(io: CliIo): Promise<string> {
  let text = "";
  for await (const chunk of io.stdin) {
    text += chunk.toString();
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0];
}

/** A password from standard input: asked twice, unechoed, on a terminal; the first line of a pipe. */
async function readPassword(io: CliIo): Promise<string> {
  let password: string;
  if (io.stdin.isTTY) {
    password = await promptHidden(io, "Password (at least 12 characters): ");
    if ((await promptHidden(io, "Repeat the password: ")) !== password)
      throw new CliError("the passwords do not match");
  } else {
    password = await readPiped(io);
    if (!password)
      throw new CliError("no password on standard input (pipe it in, e.g. printf '%s\\n' \"$PASSWORD\" | …)");
  }
  const problem = passwordProblem(password);
  if (problem) throw new CliError(problem);
  return password;
}

function parseRole(raw: string): CuratorRole {
  const role = raw.toUpperCase() as CuratorRole;
  if (!Object.values(CuratorRole).includes(role))
    throw new CliError(`--role must be admin, editor or viewer (got '${t(raw)}')`);
  return role;
}

/** Service errors as one CLI line. */
async function oneLine<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof BadUserInputError) {
      const fields = (e.extensions.fields as { message: string }[] | undefined) ?? [];
      throw new CliError(fields.length ? fields.map((f) => f.message).join("; ") : e.message);
    }
    if (e instanceof ConflictError) throw new CliError(`${e.message}`);
    throw e;
  }
}

/** Runs `fn` with the curator service on a migrated database (a fresh one can get its first curator straight away). */
function curatorsOn(db: CliDatabase) {
  return <T>(fn: (curators: CuratorService, ds: DataSource) => Promise<T>): Promise<T> =>
    db.openMigrated(async (ds) => {
      return oneLine(() => fn(new CuratorService(ds, db.auditTrail), ds));
    });
}

async function mustFind(curators: CuratorService, email: string): Promise<Curator> {
  const found = await curators.findByEmail(email);
  if (!found) throw new CliError(`there is no curator with email ${t(normalizeEmail(email))}`);
  return found;
}

const date = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "never");

/** `user create | list | disable | enable | set-password`. Changes are audited with no actor (the command line). */
export function registerUserCommands(program: Command, db: CliDatabase, io: CliIo = defaultIo()): void {
  const withCurators = curatorsOn(db);
  const user = program.command("user").description("curator accounts");

  user
    .command("create")
    .description("create a curator; the password is read from standard input (not echoed on a terminal)")
    .requiredOption("--email <email>", "the curator's email (unique, case-insensitive)")
    .requiredOption("--role <role>", "admin, editor or viewer")
    .option("--name <name>", "display name (defaults to the part of the email before the @)")
    .action(async (opts: { email: string; role: string; name?: string }) => {
      const role = parseRole(opts.role);
      const password = await readPassword(io);
      await withCurators(async (curators) => {
        if (await curators.findByEmail(opts.email))
          throw new CliError(`a curator with email ${t(normalizeEmail(opts.email))} already exists`);
        const created = await curators.create(null, { email: opts.email, name: opts.name ?? null, role, password });
        console.log(`created ${created.role} curator ${t(created.email)} (id ${created.id})`);
      });
    });

  user
    .command("list")
    .description("list curator accounts")
    .action(async () => {
      await withCurators(async (_curators, ds) => {
        const rows = await ds.getRepository(Curator).find({ order: { email: "ASC" } });
        if (rows.length === 0) {
          console.log(
            "no curators yet; create one with: npm run directory -- user create --email you@example.org --role admin",
          );
          return;
        }
        const table = [
          ["ID", "EMAIL", "NAME", "ROLE", "ACTIVE", "LAST LOGIN"],
          ...rows.map((c) => [
            String(c.id),
            t(c.email),
            t(c.name),
            c.role,
            c.active ? "yes" : "no",
            date(c.lastLoginAt),
          ]),
        ];
        const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
        for (const r of table)
          console.log(
            r
              .map((cell, i) => cell.padEnd(widths[i]))
              .join("  ")
              .trimEnd(),
          );
      });
    });

  for (const [name, active] of [
    ["disable", false],
    ["enable", true],
  ] as const) {
    user
      .command(name)
      .description(
        active ? "let a disabled curator sign in again" : "stop a curator signing in; ends their sessions at once",
      )
      .requiredOption("--email <email>", "the curator's email")
      .action(async (opts: { email: string }) => {
        await withCurators(async (curators) => {
          const found = await mustFind(curators, opts.email);
          if (found.active === active) {
            console.log(`${t(found.email)} is already ${active ? "active" : "disabled"}`);
            return;
          }
          const { endedSessions } = await curators.update(null, found.id, found.version, { active });
          console.log(
            active ? `enabled ${t(found.email)}` : `disabled ${t(found.email)}; ended ${endedSessions} session(s)`,
          );
        });
      });
  }

  user
    .command("set-password")
    .description("set a curator's password from standard input; ends their sessions")
    .requiredOption("--email <email>", "the curator's email")
    .action(async (opts: { email: string }) => {
      const password = await readPassword(io);
      await withCurators(async (curators) => {
        const found = await mustFind(curators, opts.email);
        const { endedSessions } = await curators.update(null, found.id, found.version, { password });
        console.log(`password changed for ${t(found.email)}; ended ${endedSessions} session(s)`);
      });
    });
}

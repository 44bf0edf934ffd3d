import type { DataSource } from "typeorm";
import { ConfigError } from "../../core/config";
import { log } from "../../core/logger";
import { CuratorRole } from "./curator.entity";
import { CuratorService } from "./curator.service";
import { passwordProblem } from "./password";
import { auditTrail } from "../audit/audit.record";

/**
 * First run: with no curator at all, DIRECTORY_ADMIN_EMAIL and DIRECTORY_ADMIN_PASSWORD create
 * the first ADMIN; without them start-up says how to create one. There are no default
 * credentials. Once any curator exists the variables are ignored.
 */
export async function ensureFirstAdmin(
  ds: DataSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<"created" | "exists" | "none"> {
  const curators = new CuratorService(ds, auditTrail);
  const email = env.DIRECTORY_ADMIN_EMAIL?.trim();
  const password = env.DIRECTORY_ADMIN_PASSWORD;
  if ((await curators.count()) > 0) {
    if (email || password)
      log.info("curators exist: DIRECTORY_ADMIN_EMAIL/DIRECTORY_ADMIN_PASSWORD are ignored (you may unset them)");
    return "exists";
  }
  if (!email || !password) {
    log.warn(
      "no curator accounts yet: create the first admin with " +
        "`npm run directory -- user create --email you@example.org --role admin` (the password is read from standard input), " +
        "or start once with DIRECTORY_ADMIN_EMAIL and DIRECTORY_ADMIN_PASSWORD set",
    );
    return "none";
  }
  const problem = passwordProblem(password);
  if (problem) throw new ConfigError(`DIRECTORY_ADMIN_PASSWORD: ${problem}`);
  try {
    const admin = await curators.create(null, { email, name: null, role: CuratorRole.ADMIN, password });
    log.info("created the first admin from DIRECTORY_ADMIN_EMAIL", { email: admin.email });
  } catch (e) {
    const fields = (e as { extensions?: { fields?: { message: string }[] } }).extensions?.fields;
    if (fields?.length) throw new ConfigError(`DIRECTORY_ADMIN_EMAIL: ${fields.map((f) => f.message).join("; ")}`);
    throw e;
  }
  return "created";
}

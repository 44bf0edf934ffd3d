import type { DataSource } from "typeorm";
import type { AppConfig } from "./core/config";
import { log } from "./core/logger";
import { withStartupLock } from "./core/startup-lock";
import { applyPendingMigrations } from "./composition/migrate";
import { ensureFirstAdmin } from "./modules/curator/curator.bootstrap";
import { moveSnapshotFilesIntoDatabase } from "./modules/snapshot/snapshot-files-import";
import { isDirectoryEmpty, seedSampleDirectory } from "./seed/seed";

/**
 * What the server does to its database before it listens, all under the start-up lock: of several
 * instances started together on one PostgreSQL, one migrates, moves an earlier version's snapshot
 * files into the database, seeds an empty directory and creates the first ADMIN; the others wait,
 * then find it done (docs/DEPLOYMENT.md).
 */
export async function prepareDatabase(ds: DataSource, config: AppConfig): Promise<void> {
  await withStartupLock(ds, async () => {
    const ran = await applyPendingMigrations(ds);
    if (ran.length) log.info("migrations applied", { migrations: ran });
    await moveSnapshotFilesIntoDatabase(ds, config.snapshotDir);
    if (await isDirectoryEmpty(ds)) {
      const report = await seedSampleDirectory(ds);
      log.info("empty directory: loaded the sample directory", report.created);
    }
    await ensureFirstAdmin(ds);
  });
}

import type { DataSource } from "typeorm";

/**
 * Runs `close` when the data source is destroyed, before its driver disconnects: for connections
 * and threads opened beside TypeORM's own (SQLite's reader and read worker, PostgreSQL's version
 * connection), so that nothing outlives the data source. TypeORM has no such hook, so the driver's
 * `disconnect` is wrapped.
 */
export function closeWithDataSource(ds: DataSource, close: () => Promise<void> | void): void {
  const driver = ds.driver as unknown as { disconnect(): Promise<void> };
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    await close();
    return disconnect();
  };
}

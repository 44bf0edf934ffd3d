import type { DataSource } from "typeorm";
import { postgresMigrations } from "../../../migrations/postgres";
import { sqliteMigrations } from "../../../migrations/sqlite";
import type { DatabaseConfig } from "../core/config";
import { buildDataSource, openMappedDataSource, type DatabaseMapping, type DataSourceRole } from "../core/data-source";
import { entities } from "./entities";

/** The directory's tables and migrations. */
export const directoryMapping: DatabaseMapping = {
  entities,
  migrations: { sqlite: sqliteMigrations, postgres: postgresMigrations },
};

/** A data source for the directory's database (not yet initialised). */
export function createDataSource(db: DatabaseConfig, role: DataSourceRole = {}): DataSource {
  return buildDataSource(db, directoryMapping, role);
}

/** Opens the directory's database and turns driver failures into one readable line. */
export function openDataSource(db: DatabaseConfig, role: DataSourceRole = {}): Promise<DataSource> {
  return openMappedDataSource(db, directoryMapping, role);
}

import type { DataSource } from "typeorm";
import type { AppConfig } from "./config";
import type { StatementCounter } from "./sql-counter";
import type { RequestLocale } from "./locale";
import type { Viewer } from "./viewer";

/**
 * The services registry: each module adds its own services by declaration merging
 * (`declare module "../../core/context" { interface Services { … } }` beside the service), so the
 * lower layer names none of them; the composition root builds an object of this type.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules
export interface Services {}

/** Per-request DataLoaders, merged in by the modules the same way. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the modules
export interface Loaders {}

export interface Context {
  dataSource: DataSource;
  config: AppConfig;
  services: Services;
  viewer: Viewer;
  loaders: Loaders;
  statements: StatementCounter;
  /** The client's address as Express sees it (see TRUST_PROXY); null outside HTTP. */
  clientAddress: string | null;
  /** The content locale asked for: Accept-Language, and each root field's `locale` argument (core/locale.ts). */
  locale: RequestLocale;
}

/** Everything a request needs that lives longer than the request. */
export interface AppDeps {
  dataSource: DataSource;
  config: AppConfig;
  services: Services;
}

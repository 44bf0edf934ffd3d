import type { DataSource } from "typeorm";
import type { Curator } from "../modules/curator/curator.entity";
import type { AppConfig } from "./config";
import { createLoaders, type Loaders } from "./loaders";
import { createServices, type Services } from "./services";
import { StatementCounter } from "./sql-counter";

/** Who is asking: anonymous clients see published listings only. */
export interface Viewer {
  curator: Curator | null;
  /** VIEWER and above read drafts, archived listings and history. */
  readonly includeDrafts: boolean;
  /** The session the request signed in with (what `logout` ends); null when anonymous. */
  sessionId: number | null;
}

export function viewerFor(curator: Curator | null, sessionId: number | null = null): Viewer {
  return { curator, includeDrafts: curator !== null && curator.active, sessionId };
}

export interface Context {
  dataSource: DataSource;
  config: AppConfig;
  services: Services;
  viewer: Viewer;
  loaders: Loaders;
  statements: StatementCounter;
  /** The client's address as Express sees it (see TRUST_PROXY); null outside HTTP. */
  clientAddress: string | null;
}

/** Everything a request needs that lives longer than the request. */
export interface AppDeps {
  dataSource: DataSource;
  config: AppConfig;
  services: Services;
}

export function createAppDeps(dataSource: DataSource, config: AppConfig): AppDeps {
  return { dataSource, config, services: createServices(dataSource, config) };
}

/** Builds a request context: fresh DataLoaders per request so that no cached row outlives it. */
export function createContext(
  deps: AppDeps,
  curator: Curator | null,
  statements = new StatementCounter(),
  request: { sessionId?: number | null; clientAddress?: string | null } = {},
): Context {
  const viewer = viewerFor(curator, request.sessionId ?? null);
  return { ...deps, viewer, loaders: createLoaders(deps.services, viewer), statements, clientAddress: request.clientAddress ?? null };
}

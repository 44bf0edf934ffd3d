import type { DataSource } from "typeorm";
import type { AppConfig } from "../core/config";
import type { AppDeps, Context } from "../core/context";
import { Locale, requestLocale } from "../core/locale";
import { StatementCounter } from "../core/sql-counter";
import { viewerFor, type SignedInCurator } from "../core/viewer";
import { createLoaders } from "./loaders";
import { createServices } from "./services";

export function createAppDeps(dataSource: DataSource, config: AppConfig): AppDeps {
  return { dataSource, config, services: createServices(dataSource, config) };
}

/** Builds a request context: fresh DataLoaders per request so that no cached row outlives it. */
export function createContext(
  deps: AppDeps,
  curator: SignedInCurator | null,
  statements = new StatementCounter(),
  request: { sessionId?: number | null; clientAddress?: string | null; locale?: Locale | null } = {},
): Context {
  const viewer = viewerFor(curator, request.sessionId ?? null);
  return {
    ...deps,
    viewer,
    loaders: createLoaders(deps.services, viewer, deps.dataSource),
    statements,
    clientAddress: request.clientAddress ?? null,
    locale: requestLocale(request.locale ?? Locale.EN),
  };
}

import { lazy } from "react";
import { Admin, Resource } from "react-admin";
import { authProvider } from "./authProvider";
import { canWrite, type CuratorRole } from "./data/session";
import { dataProvider } from "./data/data-provider";
import { i18nProvider, store } from "./i18n";
import { LoginPage } from "./LoginPage";
import { routerProvider } from "./routing";
import { darkTheme, lightTheme } from "./theme";
import { readOnlyRoutes } from "./components/ReadOnlyRoutes";
import { DirectoryLayout } from "./components/RouteTrail";
import audit from "./resources/audit";
import curators from "./resources/curators";
import institutions from "./resources/institutions";
import pathways from "./resources/pathways";
import programs from "./resources/programs";
import requirements from "./resources/requirements";
import snapshots from "./resources/snapshots";
import specialties from "./resources/specialties";
import webhooks from "./resources/webhooks";

const Dashboard = lazy(() => import("./dashboard/Dashboard"));

/**
 * The curators' admin. Resource names are the contract's (`/admin/#/programs`); which buttons and
 * menu entries a curator sees follows authProvider.canAccess (viewers: read only; curators: ADMIN).
 */
export function App() {
  return (
    <Admin
      title="IMG Program Directory"
      dataProvider={dataProvider}
      authProvider={authProvider}
      routerProvider={routerProvider}
      theme={lightTheme}
      darkTheme={darkTheme}
      i18nProvider={i18nProvider}
      store={store}
      dashboard={Dashboard}
      loginPage={LoginPage}
      layout={DirectoryLayout}
      requireAuth
      disableTelemetry
    >
      {(role: CuratorRole | null) => {
        // Viewers get no edit or create routes at all (not just hidden buttons); curators are ADMIN-only.
        const writes = canWrite(role);
        const views = <T extends { edit?: unknown; create?: unknown }>(r: T) =>
          ({ ...r, edit: writes ? r.edit : undefined, create: writes ? r.create : undefined }) as T;
        const routes = writes ? null : readOnlyRoutes;
        return (
          <>
            <Resource name="programs" {...views(programs)} recordRepresentation="title">
              {routes}
            </Resource>
            <Resource name="institutions" {...views(institutions)} recordRepresentation="name">
              {routes}
            </Resource>
            <Resource
              name="requirements"
              {...views(requirements)}
              recordRepresentation={(r) => `${r.name} (${r.code})`}
            >
              {routes}
            </Resource>
            <Resource name="pathways" {...views(pathways)} recordRepresentation="name">
              {routes}
            </Resource>
            <Resource name="specialties" {...views(specialties)} recordRepresentation="name">
              {routes}
            </Resource>
            <Resource name="audit" {...audit} />
            <Resource name="snapshots" {...views(snapshots)} recordRepresentation="label" />
            {role === "ADMIN" && <Resource name="curators" {...curators} recordRepresentation="email" />}
            {role === "ADMIN" && <Resource name="webhooks" {...webhooks} recordRepresentation="url" />}
            {/* The delivery log: reached from an endpoint's page, no menu entry of its own. */}
            {role === "ADMIN" && <Resource name="webhookDeliveries" />}
          </>
        );
      }}
    </Admin>
  );
}

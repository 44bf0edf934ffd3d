import { lazy } from "react";
import { Admin, Resource } from "react-admin";
import { authProvider } from "./authProvider";
import { dataProvider } from "./data/data-provider";
import { i18nProvider } from "./i18n";
import { LoginPage } from "./LoginPage";
import audit from "./resources/audit";
import curators from "./resources/curators";
import institutions from "./resources/institutions";
import pathways from "./resources/pathways";
import programs from "./resources/programs";
import requirements from "./resources/requirements";
import snapshots from "./resources/snapshots";
import specialties from "./resources/specialties";

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
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      loginPage={LoginPage}
      requireAuth
      disableTelemetry
    >
      <Resource name="programs" {...programs} recordRepresentation="title" />
      <Resource name="institutions" {...institutions} recordRepresentation="name" />
      <Resource name="requirements" {...requirements} recordRepresentation={(r) => `${r.name} (${r.code})`} />
      <Resource name="pathways" {...pathways} recordRepresentation="name" />
      <Resource name="specialties" {...specialties} recordRepresentation="name" />
      <Resource name="audit" {...audit} options={{ label: "History" }} />
      <Resource name="snapshots" {...snapshots} recordRepresentation="label" />
      <Resource name="curators" {...curators} recordRepresentation="email" />
    </Admin>
  );
}

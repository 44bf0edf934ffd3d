import ManageAccountsIcon from "@mui/icons-material/ManageAccounts";
import { lazy } from "react";

const views = () => import("./CuratorViews");

/** Shown to ADMIN only (authProvider.canAccess); no delete: a curator is disabled instead. */
export default {
  list: lazy(() => views().then((m) => ({ default: m.CuratorList }))),
  edit: lazy(() => views().then((m) => ({ default: m.CuratorEdit }))),
  create: lazy(() => views().then((m) => ({ default: m.CuratorCreate }))),
  show: undefined,
  icon: ManageAccountsIcon,
};

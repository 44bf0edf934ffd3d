import WebhookIcon from "@mui/icons-material/Webhook";
import { lazy } from "react";

const views = () => import("./WebhookViews");

/** Shown to ADMIN only (authProvider.canAccess). */
export default {
  list: lazy(() => views().then((m) => ({ default: m.WebhookList }))),
  edit: lazy(() => views().then((m) => ({ default: m.WebhookEdit }))),
  create: lazy(() => views().then((m) => ({ default: m.WebhookCreate }))),
  show: undefined,
  icon: WebhookIcon,
};

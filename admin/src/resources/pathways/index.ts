import AltRouteIcon from "@mui/icons-material/AltRoute";
import { lazy } from "react";

const views = () => import("./PathwayViews");

export default {
  list: lazy(() => views().then((m) => ({ default: m.PathwayList }))),
  edit: lazy(() => views().then((m) => ({ default: m.PathwayEdit }))),
  create: lazy(() => views().then((m) => ({ default: m.PathwayCreate }))),
  show: lazy(() => views().then((m) => ({ default: m.PathwayShow }))),
  icon: AltRouteIcon,
};

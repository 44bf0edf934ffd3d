import CameraAltIcon from "@mui/icons-material/CameraAlt";
import { lazy } from "react";

const views = () => import("./SnapshotViews");

export default {
  list: lazy(() => views().then((m) => ({ default: m.SnapshotList }))),
  edit: undefined,
  create: lazy(() => views().then((m) => ({ default: m.SnapshotCreate }))),
  show: lazy(() => views().then((m) => ({ default: m.SnapshotShow }))),
  icon: CameraAltIcon,
};

import HistoryIcon from "@mui/icons-material/History";
import { lazy } from "react";

/** The audit log is read-only: a list, no edit, create or show. */
export default {
  list: lazy(() => import("./AuditList")),
  edit: undefined,
  create: undefined,
  show: undefined,
  icon: HistoryIcon,
};

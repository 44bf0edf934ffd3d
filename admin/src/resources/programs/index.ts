import SchoolIcon from "@mui/icons-material/School";
import { lazy } from "react";

/** Views load on demand: each is its own bundle. */
export default {
  list: lazy(() => import("./ProgramList")),
  edit: lazy(() => import("./ProgramEdit")),
  create: lazy(() => import("./ProgramCreate")),
  show: lazy(() => import("./ProgramShow")),
  icon: SchoolIcon,
};

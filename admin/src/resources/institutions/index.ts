import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import { lazy } from "react";

export default {
  list: lazy(() => import("./InstitutionList")),
  edit: lazy(() => import("./InstitutionEdit")),
  create: lazy(() => import("./InstitutionCreate")),
  show: lazy(() => import("./InstitutionShow")),
  icon: AccountBalanceIcon,
};

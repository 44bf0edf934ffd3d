import ChecklistIcon from "@mui/icons-material/Checklist";
import { lazy } from "react";

const views = () => import("./RequirementViews");

export default {
  list: lazy(() => import("./RequirementList")),
  edit: lazy(() => views().then((m) => ({ default: m.RequirementEdit }))),
  create: lazy(() => views().then((m) => ({ default: m.RequirementCreate }))),
  show: lazy(() => views().then((m) => ({ default: m.RequirementShow }))),
  icon: ChecklistIcon,
};

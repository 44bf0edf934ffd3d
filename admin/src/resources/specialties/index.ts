import LocalHospitalIcon from "@mui/icons-material/LocalHospital";
import { lazy } from "react";

const views = () => import("./SpecialtyViews");

export default {
  list: lazy(() => views().then((m) => ({ default: m.SpecialtyList }))),
  edit: lazy(() => views().then((m) => ({ default: m.SpecialtyEdit }))),
  create: lazy(() => views().then((m) => ({ default: m.SpecialtyCreate }))),
  show: lazy(() => views().then((m) => ({ default: m.SpecialtyShow }))),
  icon: LocalHospitalIcon,
};

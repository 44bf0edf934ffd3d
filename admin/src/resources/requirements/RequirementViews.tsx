import { RecordCreate, RecordEdit, RecordShow } from "../../components/RecordViews";
import { requirementFields, requirementInputs } from "./RequirementFields";

export const RequirementEdit = () => (
  <RecordEdit resource="requirements" titleSource="name">
    {requirementInputs}
  </RecordEdit>
);
export const RequirementCreate = () => (
  <RecordCreate defaultValues={{ kind: "EXAM", scoreKind: "SCORED" }}>{requirementInputs}</RecordCreate>
);
export const RequirementShow = () => (
  <RecordShow resource="requirements" titleSource="name">
    {requirementFields}
  </RecordShow>
);

import { Create, TabbedForm } from "react-admin";
import { programFormTabs } from "./ProgramFormTabs";

const defaults = {
  status: "DRAFT",
  type: "RESIDENCY",
  audience: "GRADUATE",
  requirements: [],
  specialtyIds: [],
};

export default function ProgramCreate() {
  return (
    <Create redirect="edit">
      <TabbedForm defaultValues={defaults} warnWhenUnsavedChanges noValidate>
        {programFormTabs({ editing: false })}
      </TabbedForm>
    </Create>
  );
}

import { Create, SimpleForm } from "react-admin";
import { institutionInputs } from "./InstitutionFields";

export default function InstitutionCreate() {
  return (
    <Create redirect="edit">
      <SimpleForm defaultValues={{ country: "US", kind: "ACADEMIC_MEDICAL_CENTER" }} warnWhenUnsavedChanges>
        {institutionInputs({ editing: false })}
      </SimpleForm>
    </Create>
  );
}

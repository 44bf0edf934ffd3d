import { registerEnumType } from "type-graphql";

export enum ProgramType {
  RESIDENCY = "RESIDENCY",
  FELLOWSHIP = "FELLOWSHIP",
  CLINICAL_ELECTIVE = "CLINICAL_ELECTIVE",
  OBSERVERSHIP = "OBSERVERSHIP",
}
registerEnumType(ProgramType, { name: "ProgramType" });

export enum Audience {
  GRADUATE = "GRADUATE",
  STUDENT = "STUDENT",
  BOTH = "BOTH",
}
registerEnumType(Audience, {
  name: "Audience",
  description: "GRADUATE: international medical graduates (IMGs); STUDENT: international medical students (IMS); BOTH",
});

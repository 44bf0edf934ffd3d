import { Resolver } from "type-graphql";
import { WriteResolver } from "../../core/write-resolver";
import { Specialty } from "./specialty.entity";
import { SpecialtyInput } from "./specialty.input";

@Resolver(() => Specialty)
export class SpecialtyMutationResolver extends WriteResolver({
  type: Specialty,
  name: "Specialty",
  input: SpecialtyInput,
  writes: (ctx) => ctx.services.specialtyWrites,
  deleteMeans: "sets archivedAt; an archived specialty is hidden from anonymous readers",
}) {}

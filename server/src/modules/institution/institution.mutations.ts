import { Resolver } from "type-graphql";
import { WriteResolver } from "../../core/write-resolver";
import { Institution } from "./institution.entity";
import { InstitutionInput } from "./institution.input";

@Resolver(() => Institution)
export class InstitutionMutationResolver extends WriteResolver({
  type: Institution,
  name: "Institution",
  input: InstitutionInput,
  writes: (ctx) => ctx.services.institutionWrites,
  deleteMeans: "sets archivedAt; its programs stay as they are",
}) {}

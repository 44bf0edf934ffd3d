import { Resolver } from "type-graphql";
import { WriteResolver } from "../../core/write-resolver";
import { Requirement } from "./requirement.entity";
import { RequirementInput } from "./requirement.input";

@Resolver(() => Requirement)
export class RequirementMutationResolver extends WriteResolver({
  type: Requirement,
  name: "Requirement",
  input: RequirementInput,
  writes: (ctx) => ctx.services.requirementWrites,
  deleteMeans: "sets archivedAt; programs and pathways that ask for it keep the link",
}) {}

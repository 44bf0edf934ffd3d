import { Resolver } from "type-graphql";
import { WriteResolver } from "../../core/write-resolver";
import { Pathway } from "./pathway.entity";
import { PathwayInput } from "./pathway.input";

@Resolver(() => Pathway)
export class PathwayMutationResolver extends WriteResolver({
  type: Pathway,
  name: "Pathway",
  input: PathwayInput,
  writes: (ctx) => ctx.services.pathwayWrites,
  deleteMeans: "sets archivedAt; programs applied through it keep the link",
}) {}

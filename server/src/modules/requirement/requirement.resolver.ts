import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Connection, ConnectionArgs, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { Requirement } from "./requirement.entity";

const RequirementConnection = Connection(Requirement, "Requirement");

@Resolver(() => Requirement)
export class RequirementResolver {
  @Query(() => RequirementConnection, { description: "The requirement catalogue, by code" })
  requirements(@Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Page<Requirement>> {
    return ctx.services.requirements.list(args, ctx.viewer.includeDrafts);
  }
}

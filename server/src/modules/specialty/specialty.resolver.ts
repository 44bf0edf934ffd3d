import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Connection, ConnectionArgs, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { Specialty } from "./specialty.entity";

const SpecialtyConnection = Connection(Specialty, "Specialty");

@Resolver(() => Specialty)
export class SpecialtyResolver {
  @Query(() => SpecialtyConnection, { description: "Specialties, by name" })
  specialties(@Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Page<Specialty>> {
    return ctx.services.specialties.list(args, ctx.viewer.includeDrafts);
  }
}

import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Connection, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { lookupKey } from "../../core/lookup";
import { SlugLookupArgs } from "../../core/args";
import { SpecialtiesArgs } from "./specialty.args";
import { Specialty } from "./specialty.entity";

const SpecialtyConnection = Connection(Specialty, "Specialty");

@Resolver(() => Specialty)
export class SpecialtyResolver {
  @Query(() => SpecialtyConnection, { description: "Specialties, by name" })
  specialties(@Args() args: SpecialtiesArgs, @Ctx() ctx: Context): Promise<Page<Specialty>> {
    return ctx.services.specialties.list(args, ctx.viewer.includeDrafts);
  }

  @Query(() => Specialty, { nullable: true, description: "One specialty by id or slug; null when there is none" })
  specialty(@Args() args: SlugLookupArgs, @Ctx() ctx: Context): Promise<Specialty | null> {
    return ctx.services.specialties.findOne(lookupKey(args), ctx.viewer.includeDrafts);
  }
}

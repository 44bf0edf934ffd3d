import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { VerifyArgs } from "../../core/write-args";
import { actorOf, WriteResolver, written } from "../../core/write-resolver";
import { Curator, CuratorRole } from "../curator/curator.entity";
import { VERIFIED_BY_DESCRIPTION, verifiedByOf } from "../curator/verified-by";
import { Requirement } from "./requirement.entity";
import { RequirementInput } from "./requirement.input";

@Resolver(() => Requirement)
export class RequirementMutationResolver extends WriteResolver({
  type: Requirement,
  name: "Requirement",
  input: RequirementInput,
  writes: (ctx) => ctx.services.requirementWrites,
  deleteMeans: "sets archivedAt; programs and pathways that ask for it keep the link",
}) {
  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => Requirement, {
    description:
      "Records that you checked the requirement against its source now: sets lastVerifiedAt and verifiedBy, clears changedSinceVerified (EDITOR)",
  })
  verifyRequirement(@Args() args: VerifyArgs, @Ctx() ctx: Context): Promise<Requirement> {
    return written(
      ctx,
      ctx.services.requirementWrites.verify(actorOf(ctx), Number(args.id), args.version, args.note ?? null),
    );
  }

  @FieldResolver(() => Curator, { nullable: true, description: VERIFIED_BY_DESCRIPTION })
  verifiedBy(@Root() record: Requirement, @Ctx() ctx: Context): Promise<Curator | null> | null {
    return verifiedByOf(record, ctx);
  }
}

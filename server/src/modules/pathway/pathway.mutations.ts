import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { VerifyArgs } from "../../core/write-args";
import { actorOf, WriteResolver, written } from "../../core/write-resolver";
import { Curator, CuratorRole } from "../curator/curator.entity";
import { VERIFIED_BY_DESCRIPTION, verifiedByOf } from "../curator/verified-by";
import { Pathway } from "./pathway.entity";
import { PathwayInput } from "./pathway.input";

@Resolver(() => Pathway)
export class PathwayMutationResolver extends WriteResolver({
  type: Pathway,
  name: "Pathway",
  input: PathwayInput,
  writes: (ctx) => ctx.services.pathwayWrites,
  deleteMeans: "sets archivedAt; programs applied through it keep the link",
}) {
  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => Pathway, {
    description:
      "Records that you checked the pathway against its source now: sets lastVerifiedAt and verifiedBy, clears changedSinceVerified (EDITOR)",
  })
  verifyPathway(@Args() args: VerifyArgs, @Ctx() ctx: Context): Promise<Pathway> {
    return written(
      ctx,
      ctx.services.pathwayWrites.verify(actorOf(ctx), Number(args.id), args.version, args.note ?? null),
    );
  }

  @FieldResolver(() => Curator, { nullable: true, description: VERIFIED_BY_DESCRIPTION })
  verifiedBy(@Root() record: Pathway, @Ctx() ctx: Context): Promise<Curator | null> | null {
    return verifiedByOf(record, ctx);
  }
}

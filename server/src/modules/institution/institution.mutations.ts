import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { VerifyArgs } from "../../core/write-args";
import { actorOf, WriteResolver, written } from "../../core/write-resolver";
import { Curator, CuratorRole } from "../curator/curator.entity";
import { VERIFIED_BY_DESCRIPTION, verifiedByOf } from "../curator/verified-by";
import { Institution } from "./institution.entity";
import { InstitutionInput } from "./institution.input";

@Resolver(() => Institution)
export class InstitutionMutationResolver extends WriteResolver({
  type: Institution,
  name: "Institution",
  input: InstitutionInput,
  writes: (ctx) => ctx.services.institutionWrites,
  deleteMeans: "sets archivedAt; its programs stay as they are",
}) {
  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => Institution, {
    description:
      "Records that you checked the institution against its source now: sets lastVerifiedAt and verifiedBy, clears changedSinceVerified (EDITOR)",
  })
  verifyInstitution(@Args() args: VerifyArgs, @Ctx() ctx: Context): Promise<Institution> {
    return written(
      ctx,
      ctx.services.institutionWrites.verify(actorOf(ctx), Number(args.id), args.version, args.note ?? null),
    );
  }

  @FieldResolver(() => Curator, { nullable: true, description: VERIFIED_BY_DESCRIPTION })
  verifiedBy(@Root() record: Institution, @Ctx() ctx: Context): Promise<Curator | null> | null {
    return verifiedByOf(record, ctx);
  }
}

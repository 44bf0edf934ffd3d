import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { BulkArgs, BulkItemType, eachIndependently, type BulkItem } from "../../core/bulk-write";
import { ConnectionArgs, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { VerifyArgs, VersionArgs } from "../../core/write-args";
import { actorOf, WriteResolver, written } from "../../core/write-resolver";
import { Curator, CuratorRole } from "../curator/curator.entity";
import { VERIFIED_BY_DESCRIPTION, verifiedByOf } from "../curator/verified-by";
import { Program } from "./program.entity";
import { ProgramInput } from "./program.input";
import { ProgramConnection } from "./program.resolver";

const ProgramBulkItem = BulkItemType(Program, "Program");

/** Curation of programs: the five record writes plus publishing, verification and the review queue. */
@Resolver(() => Program)
export class ProgramMutationResolver extends WriteResolver({
  type: Program,
  name: "Program",
  input: ProgramInput,
  writes: (ctx) => ctx.services.programWrites,
  deleteMeans: "status becomes ARCHIVED (restoreProgram makes it a DRAFT again)",
}) {
  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => Program, { description: "Makes a DRAFT program public (EDITOR)" })
  publishProgram(@Args() args: VersionArgs, @Ctx() ctx: Context): Promise<Program> {
    return written(ctx, ctx.services.programWrites.publish(actorOf(ctx), Number(args.id), args.version));
  }

  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => Program, { description: "Takes a PUBLISHED program back to DRAFT (EDITOR)" })
  unpublishProgram(@Args() args: VersionArgs, @Ctx() ctx: Context): Promise<Program> {
    return written(ctx, ctx.services.programWrites.unpublish(actorOf(ctx), Number(args.id), args.version));
  }

  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => [ProgramBulkItem], {
    description: "publishProgram for each ref, each on its own: one item per ref, in order (EDITOR)",
  })
  publishPrograms(@Args() { refs }: BulkArgs, @Ctx() ctx: Context): Promise<BulkItem<Program>[]> {
    const writes = ctx.services.programWrites;
    return written(
      ctx,
      eachIndependently("Program", refs, (id, v) => writes.publish(actorOf(ctx), id, v)),
    );
  }

  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => [ProgramBulkItem], {
    description: "unpublishProgram for each ref, each on its own: one item per ref, in order (EDITOR)",
  })
  unpublishPrograms(@Args() { refs }: BulkArgs, @Ctx() ctx: Context): Promise<BulkItem<Program>[]> {
    const writes = ctx.services.programWrites;
    return written(
      ctx,
      eachIndependently("Program", refs, (id, v) => writes.unpublish(actorOf(ctx), id, v)),
    );
  }

  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => [ProgramBulkItem], {
    description: "deleteProgram (archive) for each ref, each on its own: one item per ref, in order (EDITOR)",
  })
  archivePrograms(@Args() { refs }: BulkArgs, @Ctx() ctx: Context): Promise<BulkItem<Program>[]> {
    const writes = ctx.services.programWrites;
    return written(
      ctx,
      eachIndependently("Program", refs, (id, v) => writes.delete(actorOf(ctx), id, v)),
    );
  }

  @Authorized(CuratorRole.EDITOR)
  @Mutation(() => Program, {
    description:
      "Records that you checked the listing against its source now: sets lastVerifiedAt and verifiedBy (EDITOR)",
  })
  verifyProgram(@Args() args: VerifyArgs, @Ctx() ctx: Context): Promise<Program> {
    return written(
      ctx,
      ctx.services.programWrites.verify(actorOf(ctx), Number(args.id), args.version, args.note ?? null),
    );
  }

  @Authorized()
  @Query(() => ProgramConnection, {
    description:
      "Programs never verified, changed since verified, or not verified within REVIEW_INTERVAL_DAYS, never-verified first (curators; reviewQueue lists every kind of record)",
  })
  programsDueForReview(@Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Page<Program>> {
    return ctx.services.programReview.list(args);
  }

  @FieldResolver(() => Curator, { nullable: true, description: VERIFIED_BY_DESCRIPTION })
  verifiedBy(@Root() program: Program, @Ctx() ctx: Context): Promise<Curator | null> | null {
    return verifiedByOf(program, ctx);
  }
}

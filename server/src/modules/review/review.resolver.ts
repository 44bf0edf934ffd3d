import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { Curator } from "../curator/curator.entity";
import { VERIFIED_BY_DESCRIPTION, verifiedByOf } from "../curator/verified-by";
import { ReviewItem, ReviewItemConnection, ReviewQueueArgs } from "./review.types";

@Resolver(() => ReviewItem)
export class ReviewResolver {
  @Authorized()
  @Query(() => ReviewItemConnection, {
    description:
      "Programs, institutions, pathways and requirements due for review (not archived; never verified, changed since " +
      "verified, not verified within REVIEW_INTERVAL_DAYS, or with a French translation older than the English): " +
      "never verified first, then changed, then stale, then translation stale, the oldest verification first (curators)",
  })
  reviewQueue(@Args() args: ReviewQueueArgs, @Ctx() ctx: Context): Promise<Page<ReviewItem>> {
    return ctx.services.reviewQueue.list(args);
  }

  @FieldResolver(() => Curator, { nullable: true, description: VERIFIED_BY_DESCRIPTION })
  verifiedBy(@Root() item: ReviewItem, @Ctx() ctx: Context): Promise<Curator | null> | null {
    return verifiedByOf(item, ctx);
  }
}

import { Arg, Args, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { Connection, ConnectionArgs, type Page } from "../../core/connection";
import { type Context } from "../../core/context";
import { viewerFor } from "../../core/viewer";
import { VersionArgs } from "../../core/write-args";
import { actorOf, written } from "../../core/write-resolver";
import { Curator, CuratorRole } from "./curator.entity";
import { CuratorInput, CuratorUpdateInput, LoginArgs } from "./curator.input";

@ObjectType({ description: "A new session: send `Authorization: Bearer <token>` with every request until expiresAt" })
export class LoginPayload {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => Curator)
  curator: Curator;
}

const CuratorConnection = Connection(Curator, "Curator");

@Resolver(() => Curator)
export class CuratorResolver {
  @Mutation(() => LoginPayload, {
    description:
      "Signs in. Wrong email or password, a disabled account, or too many failed attempts fail with UNAUTHENTICATED",
  })
  async login(@Args() args: LoginArgs, @Ctx() ctx: Context): Promise<LoginPayload> {
    const session = await ctx.services.sessions.login(args.email, args.password, ctx.clientAddress);
    // The rest of this response is for the curator who just signed in (e.g. `curator { email }`).
    ctx.viewer = viewerFor(session.curator, session.sessionId);
    return session;
  }

  @Mutation(() => Boolean, {
    description: "Ends the session whose token this request carries; false when there was none",
  })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.sessions.logout(ctx.viewer.sessionId);
  }

  @Query(() => Curator, { nullable: true, description: "The signed-in curator; null when anonymous" })
  me(@Ctx() ctx: Context): Curator | null {
    return ctx.viewer.curator;
  }

  @Authorized(CuratorRole.ADMIN)
  @Query(() => CuratorConnection, { description: "Curator accounts by email (ADMIN)" })
  curators(@Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Page<Curator>> {
    return ctx.services.curators.list(args);
  }

  @Authorized(CuratorRole.ADMIN)
  @Mutation(() => Curator, { description: "Creates a curator account (ADMIN)" })
  createCurator(@Arg("input", () => CuratorInput) input: CuratorInput, @Ctx() ctx: Context): Promise<Curator> {
    return written(ctx, ctx.services.curators.create(actorOf(ctx), input));
  }

  @Authorized(CuratorRole.ADMIN)
  @Mutation(() => Curator, {
    description: "Changes a curator account (ADMIN); active: false disables it and ends its sessions",
  })
  async updateCurator(
    @Args() args: VersionArgs,
    @Arg("input", () => CuratorUpdateInput) input: CuratorUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<Curator> {
    const { curator } = await written(
      ctx,
      ctx.services.curators.update(actorOf(ctx), Number(args.id), args.version, input),
    );
    return curator;
  }
}

import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Connection, ConnectionArgs, type Page } from "../../core/connection";
import type { Context } from "../../core/context";
import { DirectoryChangeEntry } from "./directory-change.entity";

const DirectoryChangeConnection = Connection(DirectoryChangeEntry, "DirectoryChange");

@Resolver(() => DirectoryChangeEntry)
export class FeedResolver {
  @Query(() => DirectoryChangeConnection, {
    description:
      "What anonymous readers can see changing, oldest first: published listings and catalogue entries created, " +
      "changed or removed (drafts never appear). Keep the last cursor you read and pass it as `after` to read " +
      "only what changed since; cursors stay valid forever. Also as NDJSON: GET /changes.ndjson?after=…",
  })
  directoryChanges(@Args() args: ConnectionArgs, @Ctx() ctx: Context): Promise<Page<DirectoryChangeEntry>> {
    return ctx.services.directoryChanges.list(args);
  }
}

import { Arg, Args, Authorized, Ctx, Mutation, Resolver, type ClassType } from "type-graphql";
import { CuratorRole } from "./roles";
import type { Context } from "./context";
import type { EntityWrites } from "./entity-writes";
import type { VersionedRow } from "./versioned-write";
import { RevertArgs, VersionArgs } from "./write-args";

/** The signed-in curator's id (the auth checker has already made sure there is one). */
export function actorOf(ctx: Context): number {
  const curator = ctx.viewer.curator;
  if (!curator) throw new Error("a write resolver ran without a curator; it needs @Authorized");
  return curator.id;
}

/**
 * Runs a write and forgets what this request's DataLoaders cached, so that the returned
 * record's relations (and later operations in the same request) read the new state.
 */
export async function written<T>(ctx: Context, write: Promise<T>): Promise<T> {
  const result = await write;
  for (const loader of Object.values(ctx.loaders)) {
    if (loader && typeof (loader as { clearAll?: unknown }).clearAll === "function")
      (loader as { clearAll(): void }).clearAll();
  }
  return result;
}

export interface WriteResolverSpec<T extends VersionedRow, I extends object> {
  type: ClassType<T>;
  /** GraphQL type name: the mutations are createX, updateX, deleteX, restoreX, revertX. */
  name: string;
  input: ClassType<I>;
  writes: (ctx: Context) => EntityWrites<T, I>;
  /** What deleteX does to this kind of record, for the schema description. */
  deleteMeans: string;
}

/** The five write mutations every curated record has, EDITOR and above. */
export function WriteResolver<T extends VersionedRow, I extends object>(spec: WriteResolverSpec<T, I>) {
  const n = spec.name;
  const a = /^[AEIOU]/.test(n) ? "an" : "a";

  // Only the subclass is listed in schema.ts, so the base adds no fields of its own.
  @Resolver()
  abstract class WriteResolverBase {
    @Authorized(CuratorRole.EDITOR)
    @Mutation(() => spec.type, {
      name: `create${n}`,
      description: `Creates ${a} ${n} (EDITOR). Missing required fields are BAD_USER_INPUT naming them.`,
    })
    createRecord(@Arg("input", () => spec.input) input: I, @Ctx() ctx: Context): Promise<T> {
      return written(ctx, spec.writes(ctx).create(actorOf(ctx), input));
    }

    @Authorized(CuratorRole.EDITOR)
    @Mutation(() => spec.type, {
      name: `update${n}`,
      description: `Changes the fields you send (omitted fields stay; null clears) if the ${n} is still at \`version\` (EDITOR)`,
    })
    updateRecord(@Args() args: VersionArgs, @Arg("input", () => spec.input) input: I, @Ctx() ctx: Context): Promise<T> {
      return written(ctx, spec.writes(ctx).update(actorOf(ctx), Number(args.id), args.version, input));
    }

    @Authorized(CuratorRole.EDITOR)
    @Mutation(() => spec.type, { name: `delete${n}`, description: `Soft delete: ${spec.deleteMeans} (EDITOR)` })
    deleteRecord(@Args() args: VersionArgs, @Ctx() ctx: Context): Promise<T> {
      return written(ctx, spec.writes(ctx).delete(actorOf(ctx), Number(args.id), args.version));
    }

    @Authorized(CuratorRole.EDITOR)
    @Mutation(() => spec.type, { name: `restore${n}`, description: `Brings back an archived ${n} (EDITOR)` })
    restoreRecord(@Args() args: VersionArgs, @Ctx() ctx: Context): Promise<T> {
      return written(ctx, spec.writes(ctx).restore(actorOf(ctx), Number(args.id), args.version));
    }

    @Authorized(CuratorRole.EDITOR)
    @Mutation(() => spec.type, {
      name: `revert${n}`,
      description: `Returns the ${n} to its state just before audit entry \`toEntry\`; recorded as REVERT (EDITOR)`,
    })
    revertRecord(@Args() args: RevertArgs, @Ctx() ctx: Context): Promise<T> {
      return written(ctx, spec.writes(ctx).revert(actorOf(ctx), Number(args.id), args.version, Number(args.toEntry)));
    }
  }
  return WriteResolverBase;
}

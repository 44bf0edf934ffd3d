import { IsOptional, IsString, Max, Min } from "class-validator";
import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ simpleResolvers: true, description: "Relay page information" })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items (at most ${MAX_PAGE_SIZE})` })
  @Min(0, { message: "first must be 0 or more" })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  @IsOptional()
  @IsString()
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a service returns for one page; `totalCount` is computed only when a client asks for it. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

export function makePage<T>(
  edges: Edge<T>[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  count: () => Promise<number>,
): Page<T> {
  let memo: Promise<number> | undefined;
  return {
    edges,
    // Cursors read when asked: an edge's may be encoded on demand (core/pagination.ts, KeyedEdge).
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    get totalCount() {
      memo ??= count();
      return memo;
    },
  };
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field({ description: "Pass as `after` to read the items that follow this one" })
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${name} items` })
  class ConnectionType {
    // Not simple: the value is a promise (counted only when asked for), which a compiled query
    // awaits only behind a resolver.
    @Field(() => Int, { simple: false, description: "How many items match, across all pages" })
    totalCount: number;

    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

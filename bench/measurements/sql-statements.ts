import type { ApolloServer } from "@apollo/server";
import { type AppDeps, type Context } from "../../server/src/core/context";
import { createContext } from "../../server/src/composition/context";
import { StatementCounter, withStatementCounter } from "../../server/src/core/sql-counter";
import type { BenchContext, Measurement } from "../lib/types";
import { PAGE_QUERY } from "../queries";

export interface StatementCount {
  statements: number;
  items: number;
  sql: string[];
}

/** Runs the bench page query in-process, anonymously, and counts the SQL statements it issues. */
export async function countStatements(
  deps: AppDeps,
  apollo: ApolloServer<Context>,
  first: number,
): Promise<StatementCount> {
  const counter = new StatementCounter();
  const response = await withStatementCounter(counter, () =>
    apollo.executeOperation(
      { query: PAGE_QUERY, variables: { first, after: null } },
      { contextValue: createContext(deps, null, counter) },
    ),
  );
  if (response.body.kind !== "single") throw new Error("unexpected incremental response");
  const { data, errors } = response.body.singleResult;
  if (errors?.length) throw new Error(`the page query failed: ${errors[0].message}`);
  const items = (data as { programs: { edges: unknown[] } }).programs.edges.length;
  return { statements: counter.count, items, sql: counter.statements.map((s) => s.replace(/\s+/g, " ").slice(0, 160)) };
}

export interface StatementsResult {
  statementsFirst10: number;
  statementsFirst100: number;
  items: { first10: number; first100: number };
  sqlFirst100: string[];
}

export async function measureStatements(deps: AppDeps, apollo: ApolloServer<Context>): Promise<StatementsResult> {
  const ten = await countStatements(deps, apollo, 10);
  const hundred = await countStatements(deps, apollo, 100);
  return {
    statementsFirst10: ten.statements,
    statementsFirst100: hundred.statements,
    items: { first10: ten.items, first100: hundred.items },
    sqlFirst100: hundred.sql,
  };
}

export const sqlStatements: Measurement<StatementsResult> = {
  key: "sql",
  title: "SQL statements per page query",
  run: (ctx: BenchContext) => measureStatements(ctx.deps, ctx.apollo),
};

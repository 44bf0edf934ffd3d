import { createContext } from "../../server/src/composition/context";
import { StatementCounter, withStatementCounter } from "../../server/src/core/sql-counter";
import { post } from "../lib/http";
import { alternate } from "../lib/load";
import { ratio, type LoadSummary } from "../lib/stats";
import type { BenchContext, Measurement } from "../lib/types";
import { pageBody, PAGE_QUERY, refusalBody } from "../queries";

export interface RefusalResult {
  /** The code the server answered the over-limit query with (BAD_USER_INPUT expected). */
  code: string | null;
  statements: number;
  refusal: LoadSummary;
  page: LoadSummary;
  /** Time per refused request over time per page request (from throughput at the same load). */
  costVsPageQuery: number | null;
  /** The same from server CPU time per request. */
  cpuVsPageQuery: number | null;
}

/** The cost of refusing `first: 101` against answering a page, on the same server. */
export const refusals: Measurement<RefusalResult> = {
  key: "refusals",
  title: "refusing an over-limit query",
  async run(ctx: BenchContext) {
    const answer = await post(ctx.app.url, refusalBody());
    const code = answer.errors?.[0]?.extensions?.code ?? null;
    const counter = new StatementCounter();
    await withStatementCounter(counter, () =>
      ctx.apollo.executeOperation(
        { query: PAGE_QUERY, variables: { first: 101 } },
        { contextValue: createContext(ctx.deps, null, counter) },
      ),
    );
    const results = await alternate(
      [
        { name: "page", url: ctx.app.url, body: pageBody(), server: ctx.app },
        { name: "refusal", url: ctx.app.url, body: refusalBody(), server: ctx.app },
      ],
      { ...ctx.settings, seconds: ctx.settings.shortSeconds, rounds: 2, warmupSeconds: 1 },
      ctx.log,
    );
    return {
      code,
      statements: counter.count,
      refusal: results.refusal,
      page: results.page,
      costVsPageQuery: ratio(results.page.rps, results.refusal.rps),
      cpuVsPageQuery: ratio(results.refusal.serverCpuMsPerRequest, results.page.serverCpuMsPerRequest),
    };
  },
};

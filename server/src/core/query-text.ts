import { LRUCache } from "lru-cache";

/**
 * SQL texts TypeORM built, reused for queries built the same way.
 *
 * Why: TypeORM builds a query's text on every run (select expressions from entity metadata, and
 * a pass rewriting property names over the whole text): for the detail statement, ~5 KB with
 * a subquery per relation, that was ~7% of a request's CPU, for the same text every time.
 *
 * The caller names the query's `shape`: everything the text is built from (its selects, its
 * conditions and their parameter names), but not the parameter values, which the query builder
 * still binds on every run. Bounded: at most `max` texts.
 */
export class QueryTexts {
  private readonly texts: LRUCache<string, string>;

  constructor(max = 200) {
    this.texts = new LRUCache({ max });
  }

  /** `qb`, set to run the text built for `shape` (built from `qb` the first time). */
  reuse<Q extends { getQuery(): string }>(qb: Q, shape: string): Q {
    let text = this.texts.get(shape);
    if (text === undefined) {
      text = qb.getQuery();
      this.texts.set(shape, text);
    }
    const known = text;
    qb.getQuery = () => known;
    return qb;
  }

  get size(): number {
    return this.texts.size;
  }
}

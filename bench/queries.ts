/**
 * The operations the bench sends. PAGE_QUERY is the frontend's search-page query with a typical
 * filter (US fellowships and residencies); the floor (servers/floor-sql.ts) runs the same filter
 * in hand-written SQL (PAGE_FILTER_SQL) and builds exactly this payload by hand.
 */
export const PAGE_QUERY = `query BenchPage($first: Int!, $after: String) {
  programs(first: $first, after: $after, filter: { country: [US], type: [FELLOWSHIP, RESIDENCY] }) {
    totalCount
    edges {
      node {
        id slug title type audience country region durationMonths handsOnPatientCare visaSponsorship lastVerifiedAt
        institution { id slug name city region }
        specialties { slug name }
        requirements { level minimumScore note requirement { code name kind } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const PAGE_SIZE = 50;

export function pageBody(first = PAGE_SIZE, after: string | null = null): string {
  return JSON.stringify({ query: PAGE_QUERY, variables: { first, after } });
}

/** Over the 100-item limit: the server must refuse it before touching the database. */
export function refusalBody(): string {
  return JSON.stringify({ query: PAGE_QUERY, variables: { first: 101, after: null } });
}

/** PAGE_QUERY's filter as the floor writes it (`p` is not aliased: plain column names). */
export const PAGE_FILTER_SQL = `status = 'PUBLISHED' AND country = 'US' AND type IN ('FELLOWSHIP', 'RESIDENCY')`;

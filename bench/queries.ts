/**
 * The operations the bench sends. PAGE_QUERY is the frontend's search-page query; the floor
 * (servers/floor-sql.ts) builds exactly this payload by hand. When ProgramFilter lands, add the
 * same filter to both (e.g. `filter: { country: [US] }` and `WHERE country = 'US'`).
 */
export const PAGE_QUERY = `query BenchPage($first: Int!, $after: String) {
  programs(first: $first, after: $after) {
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

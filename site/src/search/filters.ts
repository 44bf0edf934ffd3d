import type { ProgramFilter } from "../gql/graphql";

/**
 * The search's state lives in the URL (shareable; Back and Forward work): `q` for the words and
 * one repeated parameter per facet value, e.g. `?q=cardiology&type=FELLOWSHIP&country=US`.
 */
export const FACETS = ["type", "audience", "country", "region", "specialty", "pathway", "requirement"] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  search: string;
  selected: Record<Facet, string[]>;
}

export function searchStateOf(params: URLSearchParams): SearchState {
  const selected = Object.fromEntries(FACETS.map((f) => [f, params.getAll(f).filter(Boolean)])) as Record<
    Facet,
    string[]
  >;
  return { search: params.get("q")?.trim() ?? "", selected };
}

export function paramsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  for (const f of FACETS) for (const v of state.selected[f]) params.append(f, v);
  return params;
}

/** The API filter for the state: only facets with a value (enum facets are the API's own values). */
export function filterOf(state: SearchState): ProgramFilter | null {
  const filter: Record<string, string[]> = {};
  for (const f of FACETS) if (state.selected[f].length) filter[f] = [...state.selected[f]].sort();
  return Object.keys(filter).length ? (filter as ProgramFilter) : null;
}

export function toggled(state: SearchState, facet: Facet, value: string): SearchState {
  const current = state.selected[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, selected: { ...state.selected, [facet]: next } };
}

export function hasFilters(state: SearchState): boolean {
  return Boolean(state.search) || FACETS.some((f) => state.selected[f].length > 0);
}

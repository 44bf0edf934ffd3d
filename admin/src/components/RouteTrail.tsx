import { useEffect, type ReactNode } from "react";
import { Layout, useLocation, useResourceDefinition, type RedirectionSideEffect } from "react-admin";
import { useLocaleFromLink } from "../i18n/useLocaleFromLink";

/**
 * Where the curator opened each resource's records from: the list as it was then (its query: search,
 * filters, sort, page), or null when they came from elsewhere (the dashboard, a link, another
 * resource). Moving between a record's tabs, or from its view to its edit form, keeps it.
 */
const openedFrom = new Map<string, string | null>();
let previous: { resource: string; onRecord: boolean; search: string } | null = null;

function place(pathname: string) {
  const [resource = "", ...rest] = pathname.replace(/^\//, "").split("/");
  return { resource, onRecord: rest.length > 0 };
}

/** Follows the hash router's location (rendered once, in the layout). */
function RouteTrail() {
  const { pathname, search } = useLocation();
  useEffect(() => {
    const here = place(pathname);
    if (here.onRecord) {
      if (previous?.resource === here.resource && !previous.onRecord) openedFrom.set(here.resource, previous.search);
      else if (previous?.resource !== here.resource) openedFrom.set(here.resource, null);
    }
    previous = { ...here, search };
  }, [pathname, search]);
  return null;
}

export function DirectoryLayout({ children }: { children: ReactNode }) {
  useLocaleFromLink();
  return (
    <Layout>
      <RouteTrail />
      {children}
    </Layout>
  );
}

/**
 * Where an edit form goes once saved: back to the list exactly as the curator left it when they
 * opened the record from it; otherwise to the record's own view (or the list, for a resource
 * without one), never to a list still filtered by some older visit.
 */
export function useReturnAfterSave(): RedirectionSideEffect {
  const { hasShow } = useResourceDefinition();
  return (resource = "", id) => {
    const search = openedFrom.get(resource);
    if (search != null) return `/${resource}${search}`;
    return hasShow && id != null ? `/${resource}/${encodeURIComponent(String(id))}/show` : `/${resource}`;
  };
}

import { Navigate, Route, useParams } from "react-router-dom";
import { useCreatePath, useResourceContext } from "react-admin";

/**
 * An edit or create URL opened by a read-only curator (typed, bookmarked, shared by an editor):
 * `#/programs/12/history` becomes `#/programs/12/show/history`, `#/programs/create` the list.
 */
function ToReadOnlyView() {
  const { id, "*": rest } = useParams();
  const resource = useResourceContext() ?? "";
  const createPath = useCreatePath();
  if (!id || id === "create") return <Navigate replace to={createPath({ resource, type: "list" })} />;
  return <Navigate replace to={`${createPath({ resource, id, type: "show" })}${rest ? `/${rest}` : ""}`} />;
}

/**
 * Routes a read-only curator gets inside a resource that has no edit view for them. react-router
 * ranks `:id/*` above the list's catch-all, so these URLs do not fall through to the list.
 */
export const readOnlyRoutes = <Route path=":id/*" element={<ToReadOnlyView />} />;

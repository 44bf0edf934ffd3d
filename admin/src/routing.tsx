import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { reactRouterProvider, type RouterProvider, type RouterWrapperProps } from "react-admin";
import { createHashRouter, RouterProvider as DataRouterProvider } from "react-router-dom";

/**
 * react-admin's router, with two changes that make arriving signed out instant and keep Back useful.
 *
 * 1. Route changes render at once, not as React transitions. With transitions, the redirect to
 *    `#/login` is rendered in the background while react-admin's sign-out clears its query cache; that
 *    clear re-runs the (failing) auth check in the still-visible catch-all route, which signs out and
 *    redirects again, interrupting the transition: thousands of `pushState('#/login')` before the form
 *    showed. Rendered synchronously, the first redirect swaps the catch-all route for the sign-in form.
 * 2. Going to the sign-in page, or leaving it, replaces the current history entry instead of adding
 *    one: the sign-in form is never a page to go Back to (Back from it would land on a page that sends
 *    the curator straight back to it), and Back after signing in leaves the admin as expected.
 */
function SynchronousHashRouter({ basename, children }: RouterWrapperProps) {
  // One router for the admin's lifetime (react-admin's own wrapper builds a new one on each render);
  // its only route shows whatever react-admin renders inside it now.
  const [router] = useState(() => createHashRouter([{ path: "*", element: <AdminInsideRouter /> }], { basename }));
  return (
    <AdminChildren.Provider value={children}>
      <DataRouterProvider router={router} useTransitions={false} />
    </AdminChildren.Provider>
  );
}

const AdminChildren = createContext<ReactNode>(null);

function AdminInsideRouter() {
  return useContext(AdminChildren);
}

const LOGIN = "/login";

function pathOf(to: string | { pathname?: string }): string | undefined {
  return typeof to === "string" ? to.split(/[?#]/)[0] : to.pathname;
}

const useNavigate: RouterProvider["useNavigate"] = () => {
  const navigate = reactRouterProvider.useNavigate();
  return useCallback<ReturnType<RouterProvider["useNavigate"]>>(
    (to, options) => {
      if (typeof to === "number") return navigate(to);
      // The hash router's current path, read when navigating (a dependency would re-render every user).
      const fromLogin = window.location.hash.replace(/^#/, "").split("?")[0] === LOGIN;
      const toLogin = pathOf(to) === LOGIN;
      return navigate(to, { ...options, replace: Boolean(options?.replace) || fromLogin || toLogin });
    },
    [navigate],
  );
};

export const routerProvider: RouterProvider = {
  ...reactRouterProvider,
  RouterWrapper: SynchronousHashRouter,
  useNavigate,
};

import { useDataProvider, useNotify, useRefresh } from "react-admin";
import { useState } from "react";
import type { DirectoryDataProvider } from "../data/provider-types";

/** The data provider with its curation actions, typed. */
export function useDirectory(): DirectoryDataProvider {
  return useDataProvider<DirectoryDataProvider>();
}

/**
 * Runs one curation action (publish, verify, revert…): a success notice and a refresh of what is
 * on screen, or the API's message (a conflict explains itself).
 */
export function useAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const perform = async <T>(work: () => Promise<T>, success: string, after?: (result: T) => void | Promise<void>) => {
    setPending(true);
    try {
      const result = await work();
      notify(success, { type: "success" });
      if (after) await after(result);
      refresh();
      return result;
    } catch (e) {
      notify((e as Error)?.message ?? "ra.notification.http_error", { type: "error", autoHideDuration: 10000 });
      return undefined;
    } finally {
      setPending(false);
    }
  };
  return { perform, pending };
}

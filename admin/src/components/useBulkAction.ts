import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  useGetRecordRepresentation,
  useListContext,
  useNotify,
  useResourceContext,
  useTranslate,
  type GetListResult,
  type Identifier,
  type RaRecord,
} from "react-admin";
import type { BulkResult } from "../data/provider-types";
import type { BulkVerb } from "../data/resource-kit";
import { useDirectory } from "./useDirectory";

/** How many refused records the notice names before saying "and N more". */
const NAMED_FAILURES = 3;

/**
 * Puts fresh copies of `records` into every cached list and look-up of the resource, so exactly
 * those rows change on screen (no list is read again).
 */
export function refreshRows(queryClient: QueryClient, resource: string, records: RaRecord[]): void {
  if (records.length === 0) return;
  const fresh = new Map(records.map((r) => [String(r.id), r]));
  const update = (row: RaRecord) => {
    const next = fresh.get(String(row.id));
    return next ? { ...row, ...next } : row;
  };
  queryClient.setQueriesData<GetListResult>({ queryKey: [resource, "getList"] }, (old) =>
    old?.data ? { ...old, data: old.data.map(update) } : old,
  );
  queryClient.setQueriesData<RaRecord[]>({ queryKey: [resource, "getMany"] }, (old) => old?.map(update));
  for (const id of fresh.keys()) void queryClient.invalidateQueries({ queryKey: [resource, "getOne", { id }] });
}

/**
 * A bulk action on the selected rows: the server's bulk mutation with the versions the curator saw
 * (a row changed meanwhile is refused with CONFLICT, like a single save), then one notice
 * ("3 published, 1 failed: Title (reason)"). Saved rows show their new state; refused rows are
 * read again and stay selected, ready for another try.
 */
export function useBulkAction(verb: BulkVerb) {
  const resource = useResourceContext() ?? "programs";
  const { selectedIds, data: shown = [], onSelect } = useListContext();
  const directory = useDirectory();
  const notify = useNotify();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const nameOf = useGetRecordRepresentation(resource);
  const [pending, setPending] = useState(false);

  const reason = (failure: BulkResult["failures"][number]) =>
    failure.code === "CONFLICT"
      ? translate("directory.bulk.conflict")
      : // The single mutation's message names the argument at fault first ("id: …"): the row says which.
        failure.message.replace(/^[\w.]+: /, "");

  const run = async () => {
    setPending(true);
    try {
      const onScreen = new Map(shown.map((r) => [String(r.id), r]));
      const elsewhere = selectedIds.filter((id) => !onScreen.has(String(id)));
      // Selected rows on other pages: their versions as they are now.
      if (elsewhere.length)
        (await directory.getMany(resource, { ids: elsewhere })).data.forEach((r) => onScreen.set(String(r.id), r));
      const records = selectedIds.map((id) => onScreen.get(String(id))).filter((r): r is RaRecord => !!r);
      const refs = records.map((r) => ({ id: r.id, version: r.version }));
      const method = ({ publish: "publishMany", unpublish: "unpublishMany", archive: "archiveMany" } as const)[verb];
      const result = await directory[method](resource, { records: refs });
      const failedIds: Identifier[] = result.failures.map((f) => f.id);
      const reread = failedIds.length ? (await directory.getMany(resource, { ids: failedIds })).data : [];
      refreshRows(queryClient, resource, [...result.done, ...reread]);
      onSelect(failedIds);

      const doneKey = `directory.bulk.done.${verb}`;
      if (result.failures.length === 0) {
        notify(doneKey, { type: "success", messageArgs: { smart_count: result.done.length } });
        return;
      }
      const done = translate(doneKey, { smart_count: result.done.length });
      const named = result.failures.slice(0, NAMED_FAILURES).map((f) => {
        const record = onScreen.get(String(f.id));
        return `${record ? nameOf(record) : `#${f.id}`} (${reason(f)})`;
      });
      const more = result.failures.length - named.length;
      if (more > 0) named.push(translate("directory.bulk.more", { smart_count: more }));
      const message = translate("directory.bulk.failed", {
        done,
        smart_count: result.failures.length,
        details: named.join("; "),
      });
      // Already translated: `_` keeps it as it is (the titles are not message keys).
      notify(message, {
        type: result.done.length ? "warning" : "error",
        autoHideDuration: 15000,
        messageArgs: { _: message },
      });
    } catch (e) {
      notify((e as Error)?.message ?? "ra.notification.http_error", { type: "error", autoHideDuration: 10000 });
    } finally {
      setPending(false);
    }
  };
  return { run, pending, count: selectedIds.length, resource };
}

import { createContext, useContext } from "react";
import { ListContext, useGetManyAggregate, type RaRecord } from "react-admin";
import type { HistoryEntry } from "./describe";

/**
 * The currency of the record whose history is shown (a program's fee currency now). Undefined
 * outside a record's History tab.
 */
const RecordCurrency = createContext<string | null | undefined>(undefined);
export const RecordCurrencyProvider = RecordCurrency.Provider;

/**
 * The currency a fee was in just after `entry`, when the entry changed the amount alone: the
 * currency the next later change of currency on screen started from (entry ids grow with time),
 * else the record's currency now.
 */
function laterCurrencyChange(entry: HistoryEntry, shown: readonly RaRecord[] | undefined): string | null | undefined {
  const next = (shown ?? [])
    .filter(
      (e) =>
        e.entityType === entry.entityType &&
        String(e.entityId) === String(entry.entityId) &&
        Number(e.id) > Number(entry.id) &&
        e.changes?.feeCurrency,
    )
    .sort((a, b) => Number(a.id) - Number(b.id))[0];
  return next ? ((next.changes.feeCurrency.from as string | null) ?? null) : undefined;
}

/**
 * The currency to write an entry's fee amounts in (null: the entry changes no fee, or none is known).
 * In the whole-directory history the record's currency is read from its program, batched for the page.
 */
export function useFeeCurrency(entry: HistoryEntry | undefined): string | null {
  const panel = useContext(RecordCurrency);
  const list = useContext(ListContext);
  const amountAlone = !!entry?.changes?.applicationFeeCents && !entry.changes?.feeCurrency;
  const later = amountAlone && entry ? laterCurrencyChange(entry, list?.data) : undefined;
  const fetch = amountAlone && later === undefined && panel === undefined && entry?.entityType === "Program";
  const { data } = useGetManyAggregate("programs", { ids: fetch && entry ? [entry.entityId] : [] }, { enabled: fetch });
  if (!amountAlone) return null;
  if (later !== undefined) return later;
  return panel ?? (data?.[0]?.feeCurrency as string | undefined) ?? null;
}

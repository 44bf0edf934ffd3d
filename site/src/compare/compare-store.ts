import { useSyncExternalStore } from "react";

/** The programs picked for comparison (ids), kept in this browser's localStorage only. */
const KEY = "img-directory.compare";
export const MAX_COMPARED = 4;

const listeners = new Set<() => void>();
let cache: { raw: string | null; ids: string[] } = { raw: null, ids: [] };

function read(): string[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    // storage refused (private mode): the selection lives for this page only
  }
  if (raw !== cache.raw) {
    let ids: string[] = [];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      if (Array.isArray(parsed)) ids = parsed.filter((x): x is string => typeof x === "string").slice(0, MAX_COMPARED);
    } catch {
      ids = [];
    }
    cache = { raw, ids };
  }
  return cache.ids;
}

function write(ids: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    cache = { raw: JSON.stringify(ids), ids };
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCompareSelection(): string[] {
  return useSyncExternalStore(subscribe, read);
}

/** Adds or removes a program; returns false when adding would pass the maximum. */
export function toggleCompared(id: string): boolean {
  const ids = read();
  if (ids.includes(id)) {
    write(ids.filter((x) => x !== id));
    return true;
  }
  if (ids.length >= MAX_COMPARED) return false;
  write([...ids, id]);
  return true;
}

export function setCompared(ids: string[]): void {
  write(ids.slice(0, MAX_COMPARED));
}

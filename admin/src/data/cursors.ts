/**
 * Relay connections page by cursor, react-admin by page number. This cache remembers, per
 * (resource, filter, search, sort), the cursor that ends each offset already read, so that page N
 * starts from the endCursor of page N-1; unknown offsets are reached by walking forward.
 */
export class CursorCache {
  private readonly byKey = new Map<string, Map<number, string>>();

  key(resource: string, args: Record<string, unknown>): string {
    return `${resource}|${stableStringify(args)}`;
  }

  set(key: string, offset: number, cursor: string): void {
    if (offset <= 0 || !cursor) return;
    let offsets = this.byKey.get(key);
    if (!offsets) this.byKey.set(key, (offsets = new Map()));
    offsets.set(offset, cursor);
  }

  /** The largest remembered offset ≤ `offset`, and its cursor (offset 0: no cursor). */
  nearest(key: string, offset: number): { offset: number; cursor: string | undefined } {
    let best = { offset: 0, cursor: undefined as string | undefined };
    for (const [at, cursor] of this.byKey.get(key) ?? []) {
      if (at <= offset && at > best.offset) best = { offset: at, cursor };
    }
    return best;
  }

  /** Any write may move records between pages: forget every cursor of the resource. */
  invalidate(resource: string): void {
    for (const key of [...this.byKey.keys()]) if (key.startsWith(`${resource}|`)) this.byKey.delete(key);
  }

  clear(): void {
    this.byKey.clear();
  }
}

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

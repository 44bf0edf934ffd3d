/** Orders rows to match DataLoader keys: one value (or null) per key. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows to match DataLoader keys: a list (maybe empty) per key. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * One value per distinct key, made on first use: per-argument or per-column-set loaders of one
 * request, so that equal argument sets share one statement and different ones never share a cache.
 */
export function keyedBy<A, L>(make: (args: A) => L, key: (args: A) => string): (args: A) => L {
  const made = new Map<string, L>();
  return (args) => {
    const k = key(args);
    let value = made.get(k);
    if (!value) made.set(k, (value = make(args)));
    return value;
  };
}

const ids = new WeakMap<object, number>();
let nextId = 0;

/**
 * A number for this object, never another's (numbers are not reused): for cache keys where an
 * object stands for its contents (an input class, a frozen set of selects).
 */
export function objectId(value: object): number {
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = nextId++));
  return id;
}

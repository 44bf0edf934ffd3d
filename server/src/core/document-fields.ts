import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";

export type FragmentMap = Map<string, FragmentDefinitionNode>;

/** The document's fragments by name. */
export function fragmentsOf(context: ValidationContext): FragmentMap {
  const map: FragmentMap = new Map();
  for (const def of context.getDocument().definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) map.set(def.name.value, def);
  return map;
}

/**
 * A selection set's fields by response key, fragments and inline fragments expanded, as
 * graphql-js merges them before running: the same key twice runs once, each alias runs again.
 * @skip/@include are ignored (the variables are not known yet), which can only count more.
 */
export function fieldsByResponseKey(
  selectionSet: SelectionSetNode,
  fragments: FragmentMap,
  into: Map<string, FieldNode[]> = new Map(),
  spread: Set<string> = new Set(),
): Map<string, FieldNode[]> {
  for (const sel of selectionSet.selections) {
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      into.set(key, [...(into.get(key) ?? []), sel]);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      fieldsByResponseKey(sel.selectionSet, fragments, into, spread);
    } else if (!spread.has(sel.name.value)) {
      spread.add(sel.name.value);
      const fragment = fragments.get(sel.name.value);
      if (fragment) fieldsByResponseKey(fragment.selectionSet, fragments, into, spread);
    }
  }
  return into;
}

import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { BadUserInputError, type FieldProblem } from "./errors";

/**
 * One rule a record breaks: the field to blame, the rule's name (a class-validator constraint such
 * as `maxLength`, or a cross-field rule such as `imgPositionsWithinPositions`) and what is wrong.
 * The API reports it under the input's path; snapshot import names the record, field and rule.
 */
export interface RuleBreach {
  field: string;
  rule: string;
  message: string;
}

/** Collects every problem with an input before failing, so a client learns them all at once. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(path: (string | number)[], message: string, rule?: string): this {
    this.list.push({ path: path.map(String), message, ...(rule ? { rule } : {}) });
    return this;
  }

  /** Each breach under `prefix`, e.g. ["input"] → ["input", "imgPositions"], with its rule's name. */
  addBreaches(prefix: string[], breaches: readonly RuleBreach[]): this {
    for (const b of breaches) this.add([...prefix, b.field], b.message, b.rule);
    return this;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (this.empty) return;
    const summary = this.list.map((p) => `${p.path.join(".")}: ${p.message}`).join("; ");
    throw new BadUserInputError(`Invalid input: ${summary}`, this.list);
  }
}

/** Whether the client sent this field (explicit null counts; an omitted field does not). */
export function given<I extends object>(input: I, key: keyof I & string): boolean {
  return Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined;
}

/** The fields of `input` the client sent, copied as they are. */
export function pick<I extends object, K extends keyof I & string>(input: I, keys: readonly K[]): Partial<Pick<I, K>> {
  const out: Partial<Pick<I, K>> = {};
  for (const k of keys) if (given(input, k)) out[k] = input[k];
  return out;
}

/** The value a partial update leaves: the one sent, or else the stored one (null when neither). */
export function merged<I extends object, T extends object, K extends keyof I & keyof T & string>(
  input: I,
  current: T | null,
  key: K,
): NonNullable<I[K]> | NonNullable<T[K]> | null {
  const value = given(input, key) ? input[key] : current ? current[key] : null;
  return (value ?? null) as NonNullable<I[K]> | NonNullable<T[K]> | null;
}

/** Ids of `target` rows that exist among `ids`, in one statement. */
export async function existingIds<E extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<E>,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await m
    .createQueryBuilder(target, "t")
    .select("t.id", "id")
    .where("t.id IN (:...ids)", { ids: [...new Set(ids)] })
    .getRawMany<{ id: number | string }>();
  return new Set(rows.map((r) => Number(r.id)));
}

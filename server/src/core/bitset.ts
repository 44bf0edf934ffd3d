/**
 * Sets of small non-negative integers (record ids) as bits in a Uint32Array: membership, AND, OR
 * and counting over a whole directory in microseconds. A directory of 100,000 programs needs
 * 12.5 KB per set. Used by the in-process read indexes (read-index.ts).
 */
export class BitSet {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  static of(size: number, members: Iterable<number>): BitSet {
    const set = new BitSet(size);
    for (const m of members) set.add(m);
    return set;
  }

  add(n: number): void {
    if (n >= 0 && n < this.size) this.words[n >>> 5] |= 1 << (n & 31);
  }

  has(n: number): boolean {
    return n >= 0 && n < this.size && (this.words[n >>> 5] & (1 << (n & 31))) !== 0;
  }

  /** Members of this set that are also in `other`, as a new set. */
  and(other: BitSet): BitSet {
    const out = new BitSet(this.size);
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length; i++) out.words[i] = a[i] & (b[i] ?? 0);
    return out;
  }

  /** Adds every member of `other` to this set. */
  orInPlace(other: BitSet): this {
    const a = this.words;
    const b = other.words;
    for (let i = 0; i < a.length && i < b.length; i++) a[i] |= b[i];
    return this;
  }

  /** How many members. */
  count(): number {
    let n = 0;
    for (const w of this.words) n += popcount(w);
    return n;
  }

  /** How many members this set and `other` have in common, without building the intersection. */
  countAnd(other: BitSet): number {
    const a = this.words;
    const b = other.words;
    let n = 0;
    for (let i = 0; i < a.length; i++) {
      const w = a[i] & (b[i] ?? 0);
      if (w !== 0) n += popcount(w);
    }
    return n;
  }
}

function popcount(w: number): number {
  w = w - ((w >>> 1) & 0x55555555);
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

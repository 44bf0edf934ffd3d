/**
 * The programs a request weighs, laid out in typed arrays: what `weigh` (eligibility.rules.ts)
 * reads of each program that does not depend on the candidate. Weighing a whole directory is then
 * a loop over numbers that allocates one array, instead of an object per program (at 100,000
 * programs the objects, and collecting them, cost several times the page query's CPU).
 */
import type { BitSet } from "../../core/bitset";
import { CandidateStage, RequirementLevel } from "../../core/enums";
import type { Audience } from "../program/program.enums";
import { listingReasons, type RuleSources } from "./eligibility.listing-checks";
import type { ResolvedProfile } from "./eligibility.records";
import { EligibilityReasonKind } from "./eligibility.types";
import { excludedAudience, KEY_RANK, type PreparedProgram } from "./eligibility.rules";

/** A position's key when the program is not among the members weighed. */
export const NOT_WEIGHED = -1;

export class WeighTable {
  /** Program id at each position (the programs' order: title, id). */
  readonly ids: Int32Array;
  /** Position of each program id, -1 for ids not in the table. */
  private readonly positions: Int32Array;
  private readonly audiences: Audience[] = [];
  private readonly audience: Uint8Array;
  /** Distinct rule sources (shared objects count once) and each position's. */
  private readonly sources: RuleSources[] = [];
  private readonly source: Int32Array;
  /** Each position's links that can be missed (RECOMMENDED ones never count): linkStart[i] ≤ k < linkStart[i + 1]. */
  private readonly linkStart: Int32Array;
  private readonly linkRequirement: Int32Array;
  /** 1 for REQUIRED (decides), 0 for COMMONLY_REQUIRED (unknown). */
  private readonly linkRequired: Uint8Array;
  /** NaN where the link states no minimum score. */
  private readonly linkMinimum: Float64Array;
  private readonly maxRequirementId: number;

  constructor(programs: readonly PreparedProgram[]) {
    const n = programs.length;
    this.ids = new Int32Array(n);
    this.audience = new Uint8Array(n);
    this.source = new Int32Array(n);
    this.linkStart = new Int32Array(n + 1);
    const audienceCode = new Map<Audience, number>();
    const sourceCode = new Map<RuleSources, number>();
    let links = 0;
    let maxId = -1;
    let maxRequirementId = -1;
    for (let i = 0; i < n; i++) {
      const p = programs[i];
      this.ids[i] = p.id;
      maxId = Math.max(maxId, p.id);
      let a = audienceCode.get(p.audience);
      if (a === undefined) audienceCode.set(p.audience, (a = this.audiences.push(p.audience) - 1));
      this.audience[i] = a;
      let s = sourceCode.get(p.sources);
      if (s === undefined) sourceCode.set(p.sources, (s = this.sources.push(p.sources) - 1));
      this.source[i] = s;
      for (const l of p.asked) if (l.level !== RequirementLevel.RECOMMENDED) links++;
    }
    this.positions = new Int32Array(maxId + 1).fill(-1);
    for (let i = 0; i < n; i++) this.positions[this.ids[i]] = i;
    this.linkRequirement = new Int32Array(links);
    this.linkRequired = new Uint8Array(links);
    this.linkMinimum = new Float64Array(links);
    let k = 0;
    for (let i = 0; i < n; i++) {
      this.linkStart[i] = k;
      for (const l of programs[i].asked) {
        if (l.level === RequirementLevel.RECOMMENDED) continue;
        this.linkRequirement[k] = l.requirementId;
        this.linkRequired[k] = l.level === RequirementLevel.REQUIRED ? 1 : 0;
        this.linkMinimum[k] = l.minimumScore ?? NaN;
        maxRequirementId = Math.max(maxRequirementId, l.requirementId);
        k++;
      }
    }
    this.linkStart[n] = k;
    this.maxRequirementId = maxRequirementId;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The position of a program id, or -1. */
  positionOf(id: number): number {
    return Number.isInteger(id) && id >= 0 && id < this.positions.length ? this.positions[id] : -1;
  }

  /**
   * Every member's weigh key (exactly `weigh`'s), by position; NOT_WEIGHED for programs not in
   * `members` (all are members for null).
   */
  weighAll(profile: ResolvedProfile, members: BitSet | null): Int32Array {
    const n = this.ids.length;
    const keys = new Int32Array(n);
    // The profile by requirement id: held, and its score (NaN for none).
    const held = new Uint8Array(this.maxRequirementId + 1);
    const score = new Float64Array(this.maxRequirementId + 1).fill(NaN);
    for (const id of profile.held) if (id <= this.maxRequirementId) held[id] = 1;
    for (const [id, s] of profile.scores) if (id <= this.maxRequirementId) score[id] = s;
    // The listing checks' counts (decided × 256 + unknown) per distinct rule sources, checked when first met.
    const listing = new Int32Array(this.sources.length).fill(-1);
    const isGraduate = profile.stage === CandidateStage.GRADUATE;
    const excluded = this.audiences.indexOf(excludedAudience(profile.stage));
    const { ids, audience, source, linkStart, linkRequirement, linkRequired, linkMinimum } = this;
    for (let i = 0; i < n; i++) {
      if (members !== null && !members.has(ids[i])) {
        keys[i] = NOT_WEIGHED;
        continue;
      }
      let counts = listing[source[i]];
      if (counts < 0) {
        counts = 0;
        for (const r of listingReasons(this.sources[source[i]], profile, isGraduate))
          counts += r.kind === EligibilityReasonKind.UNKNOWN ? 1 : 256;
        listing[source[i]] = counts;
      }
      let decided = (audience[i] === excluded ? 1 : 0) + (counts >> 8);
      let unknown = counts & 255;
      for (let k = linkStart[i]; k < linkStart[i + 1]; k++) {
        const r = linkRequirement[k];
        // Held, at no stated minimum, no known score, or a score at the minimum: not missed.
        if (held[r] === 1 && !(score[r] < linkMinimum[k])) continue;
        if (linkRequired[k] === 1) decided++;
        else unknown++;
      }
      keys[i] = decided ? 2 * KEY_RANK + decided : unknown ? KEY_RANK + unknown : 0;
    }
    return keys;
  }
}

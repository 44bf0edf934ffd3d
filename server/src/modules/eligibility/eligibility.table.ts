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
  /**
   * Each position's weigh class: programs with the same audience, rule sources and countable links
   * weigh the same for any candidate, so a request weighs each class once (a directory holds far
   * fewer classes than programs: most programs ask for the same few requirements) and then copies
   * its key to the class's programs.
   */
  private readonly classOf: Int32Array;
  private readonly audiences: Audience[] = [];
  /** Distinct rule sources (shared objects count once). */
  private readonly sources: RuleSources[] = [];
  /** Per class: audience code, rule sources code, links classLinkStart[c] ≤ k < classLinkStart[c + 1]. */
  private readonly classAudience: Uint8Array;
  private readonly classSource: Int32Array;
  private readonly classLinkStart: Int32Array;
  private readonly linkRequirement: Int32Array;
  /** 1 for REQUIRED (decides), 0 for COMMONLY_REQUIRED (unknown); RECOMMENDED links never count and are left out. */
  private readonly linkRequired: Uint8Array;
  /** NaN where the link states no minimum score. */
  private readonly linkMinimum: Float64Array;
  private readonly maxRequirementId: number;

  constructor(programs: readonly PreparedProgram[]) {
    const n = programs.length;
    this.ids = new Int32Array(n);
    this.classOf = new Int32Array(n);
    const audienceCode = new Map<Audience, number>();
    const sourceCode = new Map<RuleSources, number>();
    const classCode = new Map<string, number>();
    const classes: { audience: number; source: number; links: PreparedProgram["asked"] }[] = [];
    let maxId = -1;
    for (let i = 0; i < n; i++) {
      const p = programs[i];
      this.ids[i] = p.id;
      maxId = Math.max(maxId, p.id);
      let a = audienceCode.get(p.audience);
      if (a === undefined) audienceCode.set(p.audience, (a = this.audiences.push(p.audience) - 1));
      let s = sourceCode.get(p.sources);
      if (s === undefined) sourceCode.set(p.sources, (s = this.sources.push(p.sources) - 1));
      const links = p.asked.filter((l) => l.level !== RequirementLevel.RECOMMENDED);
      const signature = `${a} ${s} ${links.map((l) => `${l.requirementId}:${l.level}:${l.minimumScore ?? ""}`).join(",")}`;
      let c = classCode.get(signature);
      if (c === undefined) classCode.set(signature, (c = classes.push({ audience: a, source: s, links }) - 1));
      this.classOf[i] = c;
    }
    this.positions = new Int32Array(maxId + 1).fill(-1);
    for (let i = 0; i < n; i++) this.positions[this.ids[i]] = i;
    const linkCount = classes.reduce((sum, c) => sum + c.links.length, 0);
    this.classAudience = new Uint8Array(classes.length);
    this.classSource = new Int32Array(classes.length);
    this.classLinkStart = new Int32Array(classes.length + 1);
    this.linkRequirement = new Int32Array(linkCount);
    this.linkRequired = new Uint8Array(linkCount);
    this.linkMinimum = new Float64Array(linkCount);
    let k = 0;
    let maxRequirementId = -1;
    classes.forEach((c, ci) => {
      this.classAudience[ci] = c.audience;
      this.classSource[ci] = c.source;
      this.classLinkStart[ci] = k;
      for (const l of c.links) {
        this.linkRequirement[k] = l.requirementId;
        this.linkRequired[k] = l.level === RequirementLevel.REQUIRED ? 1 : 0;
        this.linkMinimum[k] = l.minimumScore ?? NaN;
        maxRequirementId = Math.max(maxRequirementId, l.requirementId);
        k++;
      }
    });
    this.classLinkStart[classes.length] = k;
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
    const classKey = this.weighClasses(profile);
    const { classOf, positions } = this;
    const n = this.ids.length;
    const keys = new Int32Array(n);
    if (members === null) {
      for (let i = 0; i < n; i++) keys[i] = classKey[classOf[i]];
      return keys;
    }
    keys.fill(NOT_WEIGHED);
    // The members' set bits (ids) rather than a membership test per position: a filter's members
    // are often a fraction of the directory.
    const words = members.words;
    const last = Math.min(words.length, (positions.length + 31) >>> 5);
    for (let w = 0; w < last; w++) {
      let word = words[w];
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        const id = (w << 5) | bit;
        const at = id < positions.length ? positions[id] : -1;
        if (at >= 0) keys[at] = classKey[classOf[at]];
      }
    }
    return keys;
  }

  /** Each class's weigh key for the profile. */
  private weighClasses(profile: ResolvedProfile): Int32Array {
    const classes = this.classAudience.length;
    const classKey = new Int32Array(classes);
    // The profile by requirement id: held, and its score (NaN for none).
    const held = new Uint8Array(this.maxRequirementId + 1);
    const score = new Float64Array(this.maxRequirementId + 1).fill(NaN);
    for (const id of profile.held) if (id <= this.maxRequirementId) held[id] = 1;
    for (const [id, s] of profile.scores) if (id <= this.maxRequirementId) score[id] = s;
    // The listing checks' counts (decided × 256 + unknown) per distinct rule sources, checked when first met.
    const listing = new Int32Array(this.sources.length).fill(-1);
    const isGraduate = profile.stage === CandidateStage.GRADUATE;
    const excluded = this.audiences.indexOf(excludedAudience(profile.stage));
    const { classAudience, classSource, classLinkStart, linkRequirement, linkRequired, linkMinimum } = this;
    for (let c = 0; c < classes; c++) {
      let counts = listing[classSource[c]];
      if (counts < 0) {
        counts = 0;
        for (const r of listingReasons(this.sources[classSource[c]], profile, isGraduate))
          counts += r.kind === EligibilityReasonKind.UNKNOWN ? 1 : 256;
        listing[classSource[c]] = counts;
      }
      let decided = (classAudience[c] === excluded ? 1 : 0) + (counts >> 8);
      let unknown = counts & 255;
      for (let k = classLinkStart[c]; k < classLinkStart[c + 1]; k++) {
        const r = linkRequirement[k];
        // Held, at no stated minimum, no known score, or a score at the minimum: not missed.
        if (held[r] === 1 && !(score[r] < linkMinimum[k])) continue;
        if (linkRequired[k] === 1) decided++;
        else unknown++;
      }
      classKey[c] = decided ? 2 * KEY_RANK + decided : unknown ? KEY_RANK + unknown : 0;
    }
    return classKey;
  }
}

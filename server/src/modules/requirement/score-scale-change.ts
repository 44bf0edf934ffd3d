import type { EntityManager } from "typeorm";
import { ProgramRequirement } from "../program/program-requirement.entity";
import { Program } from "../program/program.entity";
import { scoreBreach, type ScoreScale } from "./requirement.rules";

/** How many of the programs whose minimums would no longer fit the message names. */
const NAMED = 5;

/**
 * Whether a requirement's new scale would leave minimum scores programs already ask for off it
 * (a minimum on a requirement made PASS_FAIL, outside a narrower range, off a new step): the
 * message names those programs by slug with their minimums, or null when every one still fits.
 * A curator changes or clears those minimums first, so that no program holds a minimum no edit
 * of it could save. Drafts and archived programs count too: their next edit would fail.
 */
export async function minimumsOffScale(
  m: EntityManager,
  requirement: ScoreScale & { id: number; code: string },
): Promise<string | null> {
  const rows = await m
    .createQueryBuilder(ProgramRequirement, "pr")
    .innerJoin(Program, "p", "p.id = pr.programId")
    .select("p.slug", "slug")
    .addSelect("pr.minimumScore", "minimumScore")
    .where("pr.requirementId = :id", { id: requirement.id })
    .andWhere("pr.minimumScore IS NOT NULL")
    .orderBy("p.slug", "ASC")
    .getRawMany<{ slug: string; minimumScore: number | string }>();
  const off = rows.filter((r) => scoreBreach(requirement, Number(r.minimumScore), "minimumScore") !== null);
  if (off.length === 0) return null;
  const named = off
    .slice(0, NAMED)
    .map((r) => `${r.slug} (${Number(r.minimumScore)})`)
    .join(", ");
  const more = off.length > NAMED ? ` and ${off.length - NAMED} more` : "";
  return (
    `${off.length} program(s) ask for a minimum ${requirement.code} score this scale would not allow: ${named}${more}; ` +
    "change or clear their minimum scores first"
  );
}

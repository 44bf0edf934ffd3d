/**
 * Rules between a program's fields, for the record as it will be. The API's writes check them on
 * create and update (program.writes.ts); snapshot import checks every program record of a file
 * with the same functions (snapshot/record-rules.ts), so no file can store what no edit could.
 */
import { ListingStatus } from "../../core/enums";
import type { RuleBreach } from "../../core/problems";
import { missingSourceBreach } from "../../core/provenance";

export interface ProgramFieldValues {
  positions: number | null;
  imgPositions: number | null;
  applicationOpensOn: string | null;
  applicationClosesOn: string | null;
  applicationFeeCents: number | null;
  feeCurrency: string | null;
  status: ListingStatus | null;
  sourceUrl: string | null;
  sourceNote: string | null;
}

/**
 * `sent` says whether the write gives a field, so that the field blamed is one the client sent
 * (an import gives every field).
 */
export function programFieldBreaches(
  v: ProgramFieldValues,
  sent: (field: keyof ProgramFieldValues) => boolean,
): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const { applicationOpensOn: opens, applicationClosesOn: closes, positions, imgPositions } = v;
  // YYYY-MM-DD days compare as text.
  if (opens && closes && opens >= closes) {
    breaches.push({
      field: sent("applicationClosesOn") ? "applicationClosesOn" : "applicationOpensOn",
      rule: "opensBeforeCloses",
      message: `applicationOpensOn (${opens}) must be before applicationClosesOn (${closes})`,
    });
  }
  if (positions !== null && imgPositions !== null && imgPositions > positions) {
    breaches.push({
      field: sent("imgPositions") ? "imgPositions" : "positions",
      rule: "imgPositionsWithinPositions",
      message: `imgPositions (${imgPositions}) cannot exceed positions (${positions})`,
    });
  }
  if (v.applicationFeeCents !== null && !v.feeCurrency) {
    breaches.push({
      field: "feeCurrency",
      rule: "feeNeedsCurrency",
      message: "feeCurrency is required with applicationFeeCents",
    });
  }
  // Checked when the write publishes the program or changes its source: a published listing
  // stored before this rule can still be edited, but not published or left without a source anew.
  if (v.status === ListingStatus.PUBLISHED && (sent("status") || sent("sourceUrl") || sent("sourceNote"))) {
    const breach = missingSourceBreach(v, "a program");
    if (breach)
      breaches.push({ ...breach, field: sent("sourceNote") && !sent("sourceUrl") ? "sourceNote" : breach.field });
  }
  return breaches;
}

/** A program at an institution is in the institution's country. */
export function institutionCountryBreach(
  institution: { name: string; country: string },
  country: string,
  field: string,
): RuleBreach | null {
  if (country === institution.country) return null;
  return {
    field,
    rule: "countryOfInstitution",
    message: `${institution.name} is in ${institution.country}, not ${country}`,
  };
}

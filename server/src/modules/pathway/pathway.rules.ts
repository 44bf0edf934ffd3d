/** Rules between a pathway's fields, shared by the API's writes and snapshot import. */
import type { RuleBreach } from "../../core/problems";

export interface PathwayPlace {
  country: string | null;
  region: string | null;
}

/** A region means nothing without its country; `sent` says which field the write gives. */
export function pathwayFieldBreaches(place: PathwayPlace, sent: (field: keyof PathwayPlace) => boolean): RuleBreach[] {
  if (!place.region || place.country) return [];
  return [
    {
      field: sent("region") ? "region" : "country",
      rule: "regionNeedsCountry",
      message: "a pathway with a region needs its country",
    },
  ];
}

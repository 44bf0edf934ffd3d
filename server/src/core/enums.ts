import { registerEnumType } from "type-graphql";

export enum Country {
  US = "US",
  CA = "CA",
}
registerEnumType(Country, {
  name: "Country",
  description: "ISO 3166-1 alpha-2 code of a country the directory covers",
});

export enum ListingStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ListingStatus, {
  name: "ListingStatus",
  description: "Where a listing is in its life: the public API shows PUBLISHED listings only",
});

export enum RequirementLevel {
  REQUIRED = "REQUIRED",
  RECOMMENDED = "RECOMMENDED",
}
registerEnumType(RequirementLevel, { name: "RequirementLevel" });

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "ASC or DESC; applies to the ordering's key and its tie-breaks alike, so DESC is exactly ASC reversed",
});

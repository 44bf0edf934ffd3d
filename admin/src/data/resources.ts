import * as gql from "../gql/graphql";
import type { CitizenshipRule, CuratorInput, CuratorUpdateInput, InstitutionInput, PathwayInput, ProgramInput, RequirementInput, SpecialtyInput } from "../gql/graphql";
import { choice, codeList, day, decimal, flag, notSent, idList, instant, int, listOf, password, sponsoredVisas, text, type InputConverters } from "./converters";
import { pathwayRecord, pathwayRequirements, programRecord, programRequirements, requirementRecord } from "./records";
import { plainRecord, type Resource } from "./resource";
import { bulkOp, createOp, listOps, oneOp, recordMutation, updateOp } from "./resource-kit";
import { webhookDeliveries, webhooks } from "./webhook-resources";

/** The eligibility rules programs and pathways share. */
const listingRules = {
  visaTypesSponsored: sponsoredVisas, maxYearsSinceGraduation: int, graduatesOfAnyYear: flag, citizenshipRequired: choice<CitizenshipRule>(),
  minimumClinicalExperienceMonths: int, clinicalExperienceInCountry: flag, returnOfServiceNote: text,
};
const programInput: InputConverters<ProgramInput> = {
  slug: text, title: text, description: text, titleFr: text, descriptionFr: text, translationChecked: flag, type: choice(), audience: choice(), status: choice(), institutionId: choice(),
  country: choice(), region: text, pathwayId: choice(), durationMonths: int, handsOnPatientCare: flag, positions: int,
  imgPositions: int, visaSponsorship: flag, applicationOpensOn: day, applicationClosesOn: day,
  applicationOpensAt: notSent, applicationClosesAt: notSent,
  applicationFeeCents: int, feeCurrency: text, websiteUrl: text, applicationUrl: text, sourceUrl: text, sourceNote: text,
  specialtyIds: idList, requirements: programRequirements, ...listingRules,
};
const institutionInput: InputConverters<InstitutionInput> = {
  slug: text, name: text, kind: choice(), country: choice(), region: text, city: text, website: text, description: text,
  sourceUrl: text, sourceNote: text,
  nameFr: text, descriptionFr: text, translationChecked: flag,
};
const requirementInput: InputConverters<RequirementInput> = {
  code: text, name: text, kind: choice(), country: choice(), description: text, scoreKind: choice(), scoreMin: decimal,
  scoreMax: decimal, scoreStep: decimal,
  sourceUrl: text, sourceNote: text,
  nameFr: text, descriptionFr: text, translationChecked: flag,
  heldWhen: choice(), impliesCodes: codeList,
};
const pathwayInput: InputConverters<PathwayInput> = {
  slug: text, name: text, kind: choice(), country: choice(), region: text, website: text, description: text, requirements: pathwayRequirements,
  sourceUrl: text, sourceNote: text,
  nameFr: text, descriptionFr: text, translationChecked: flag,
  ...listingRules,
};
const specialtyInput: InputConverters<SpecialtyInput> = { slug: text, name: text };
const curatorInput: InputConverters<CuratorInput> = { email: text, name: text, role: choice(), password };
const curatorUpdateInput: InputConverters<CuratorUpdateInput> = { name: text, role: choice(), active: flag, password };

const programs: Resource = {
  type: "Program",
  list: listOps({
    document: gql.ProgramListDocument,
    walk: gql.ProgramWalkDocument,
    toRecord: programRecord,
    search: true,
    filters: {
      ids: listOf(String), type: listOf(), audience: listOf(), country: listOf(), region: listOf(String), specialty: listOf(String),
      institution: listOf(String), pathway: listOf(String), status: listOf(), dueForReview: flag, translationStale: flag,
    },
    sorts: {
      title: "TITLE", "institution.name": "INSTITUTION", type: "TYPE", status: "STATUS", lastVerifiedAt: "LAST_VERIFIED", updatedAt: "RECENTLY_UPDATED",
    },
  }),
  one: oneOp(gql.ProgramOneDocument, programRecord),
  create: createOp(gql.CreateProgramDocument, programInput, programRecord),
  update: updateOp(gql.UpdateProgramDocument, programInput, programRecord),
  remove: recordMutation(gql.DeleteProgramDocument, programRecord),
  restore: recordMutation(gql.RestoreProgramDocument, programRecord),
  revert: recordMutation(gql.RevertProgramDocument, programRecord),
  publish: recordMutation(gql.PublishProgramDocument, programRecord),
  unpublish: recordMutation(gql.UnpublishProgramDocument, programRecord),
  verify: recordMutation(gql.VerifyProgramDocument, programRecord),
  bulk: {
    publish: bulkOp(gql.PublishProgramsDocument, programRecord),
    unpublish: bulkOp(gql.UnpublishProgramsDocument, programRecord),
    archive: bulkOp(gql.ArchiveProgramsDocument, programRecord),
  },
};

const institutions: Resource = {
  type: "Institution",
  list: listOps({
    document: gql.InstitutionListDocument,
    walk: gql.InstitutionWalkDocument,
    toRecord: plainRecord,
    search: true,
    filters: { ids: listOf(String), country: listOf(), region: listOf(String), kind: listOf(), archived: flag, translationStale: flag },
    sorts: { name: "NAME", updatedAt: "RECENTLY_UPDATED" },
  }),
  one: oneOp(gql.InstitutionOneDocument, plainRecord),
  create: createOp(gql.CreateInstitutionDocument, institutionInput, plainRecord),
  update: updateOp(gql.UpdateInstitutionDocument, institutionInput, plainRecord),
  remove: recordMutation(gql.DeleteInstitutionDocument, plainRecord),
  restore: recordMutation(gql.RestoreInstitutionDocument, plainRecord),
  revert: recordMutation(gql.RevertInstitutionDocument, plainRecord),
  verify: recordMutation(gql.VerifyInstitutionDocument, plainRecord),
};

const requirements: Resource = {
  type: "Requirement",
  list: listOps({
    document: gql.RequirementListDocument,
    walk: gql.RequirementWalkDocument,
    toRecord: requirementRecord,
    search: true,
    filters: { ids: listOf(String), kind: listOf(), translationStale: flag },
  }),
  one: oneOp(gql.RequirementOneDocument, requirementRecord),
  create: createOp(gql.CreateRequirementDocument, requirementInput, requirementRecord),
  update: updateOp(gql.UpdateRequirementDocument, requirementInput, requirementRecord),
  remove: recordMutation(gql.DeleteRequirementDocument, requirementRecord),
  restore: recordMutation(gql.RestoreRequirementDocument, requirementRecord),
  revert: recordMutation(gql.RevertRequirementDocument, requirementRecord),
  verify: recordMutation(gql.VerifyRequirementDocument, requirementRecord),
};

const pathways: Resource = {
  type: "Pathway",
  list: listOps({
    document: gql.PathwayListDocument,
    walk: gql.PathwayWalkDocument,
    toRecord: pathwayRecord,
    search: true,
    filters: { ids: listOf(String), kind: listOf(), country: listOf(), translationStale: flag },
  }),
  one: oneOp(gql.PathwayOneDocument, pathwayRecord),
  create: createOp(gql.CreatePathwayDocument, pathwayInput, pathwayRecord),
  update: updateOp(gql.UpdatePathwayDocument, pathwayInput, pathwayRecord),
  remove: recordMutation(gql.DeletePathwayDocument, pathwayRecord),
  restore: recordMutation(gql.RestorePathwayDocument, pathwayRecord),
  revert: recordMutation(gql.RevertPathwayDocument, pathwayRecord),
  verify: recordMutation(gql.VerifyPathwayDocument, pathwayRecord),
};

const specialties: Resource = {
  type: "Specialty",
  list: listOps({
    document: gql.SpecialtyListDocument,
    walk: gql.SpecialtyWalkDocument,
    toRecord: plainRecord,
    search: true,
    filters: { ids: listOf(String) },
  }),
  one: oneOp(gql.SpecialtyOneDocument, plainRecord),
  create: createOp(gql.CreateSpecialtyDocument, specialtyInput, plainRecord),
  update: updateOp(gql.UpdateSpecialtyDocument, specialtyInput, plainRecord),
  remove: recordMutation(gql.DeleteSpecialtyDocument, plainRecord),
  restore: recordMutation(gql.RestoreSpecialtyDocument, plainRecord),
  revert: recordMutation(gql.RevertSpecialtyDocument, plainRecord),
};

const audit: Resource = {
  type: "AuditEntry",
  list: listOps({
    document: gql.AuditEntryListDocument,
    walk: gql.AuditEntryWalkDocument,
    toRecord: plainRecord,
    filters: { action: listOf(), actorId: choice(), entityId: choice(), entityType: text, since: instant, until: instant },
  }),
};

const curators: Resource = {
  type: "Curator",
  list: listOps({ document: gql.CuratorListDocument, walk: gql.CuratorWalkDocument, toRecord: plainRecord }),
  create: createOp(gql.CreateCuratorDocument, curatorInput, plainRecord),
  update: updateOp(gql.UpdateCuratorDocument, curatorUpdateInput, plainRecord),
};

const createSnapshot = recordMutation(gql.CreateSnapshotDocument, plainRecord);
const snapshots: Resource = {
  type: "Snapshot",
  list: listOps({ document: gql.SnapshotListDocument, walk: gql.SnapshotWalkDocument, toRecord: plainRecord }),
  one: oneOp(gql.SnapshotOneDocument, plainRecord),
  create: (data) => createSnapshot({ label: String(data.label ?? ""), includeDrafts: !!data.includeDrafts }),
};

/** Every resource the admin shows, by react-admin resource name. */
export const RESOURCES: Record<string, Resource> = {
  programs, institutions, requirements, pathways, specialties, audit, curators, snapshots, webhooks, webhookDeliveries,
};

export function resourceOf(name: string): Resource {
  const resource = RESOURCES[name];
  if (!resource) throw new Error(`Unknown resource "${name}"`);
  return resource;
}

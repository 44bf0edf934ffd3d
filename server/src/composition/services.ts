import type { DataSource } from "typeorm";
import { AuditNameService } from "../modules/audit/audit.names";
import { AuditService } from "../modules/audit/audit.service";
import { CuratorService } from "../modules/curator/curator.service";
import { SessionService } from "../modules/curator/curator.sessions";
import { EligibilityService } from "../modules/eligibility/eligibility.service";
import { EligibilityIndex, IndexedPublished } from "../modules/eligibility/eligibility.index";
import { DatabaseRecordSource } from "../modules/eligibility/eligibility.source";
import { DirectoryChangeService } from "../modules/feed/feed.service";
import { InstitutionService } from "../modules/institution/institution.service";
import { InstitutionWrites } from "../modules/institution/institution.writes";
import { PathwayService } from "../modules/pathway/pathway.service";
import { PathwayWrites } from "../modules/pathway/pathway.writes";
import { ProgramReview } from "../modules/program/program.review";
import { ProgramLinksService } from "../modules/program/program-links.service";
import { ProgramService } from "../modules/program/program.service";
import { ProgramWrites } from "../modules/program/program.writes";
import { ReviewQueueService } from "../modules/review/review.service";
import { RequirementService } from "../modules/requirement/requirement.service";
import { RequirementWrites } from "../modules/requirement/requirement.writes";
import { SnapshotService } from "../modules/snapshot/snapshot.service";
import { SpecialtyService } from "../modules/specialty/specialty.service";
import { SpecialtyWrites } from "../modules/specialty/specialty.writes";
import { WebhookDrainer } from "../modules/webhook/webhook.drainer";
import { WebhookService } from "../modules/webhook/webhook.service";
import type { AppConfig } from "../core/config";
import type { AuditTrail } from "../core/audit-trail";
import type { Services } from "../core/context";
import { createAuditTrail } from "./audit-trail";
import { VersionedReadIndex } from "../core/read-index";
import { DirectoryVersion } from "../core/directory-version";
import { ProgramFacetIndex } from "../modules/program/program.facet-index";
import { RankedSearch } from "../modules/program/program.ranked-search";
import { SearchMatchCache } from "../modules/program/program.search-matches";
import { dialectOf } from "../core/data-source";

/** The services registry: one instance of each service for the life of the process. */
export function createServices(
  dataSource: DataSource,
  config: AppConfig,
  auditTrail: AuditTrail = createAuditTrail(),
): Services {
  // Facet counts, anonymous eligibility and search pages from indexes in memory, exact against the directory version.
  // Both indexes read the directory version through one reader: concurrent requests share its reads.
  const versions = new DirectoryVersion(dataSource);
  const programFacetIndex = new VersionedReadIndex(dataSource, "program facets", ProgramFacetIndex.build, versions);
  // Relevance pages from the facet index, each search's matches ranked once per directory version (a bounded
  // cache): a search repeated before the next write ranks nothing in SQL, on either database. On PostgreSQL a
  // page answers in SQL while the index is stale rather than wait for its rebuild.
  const ranked = new RankedSearch(
    dataSource,
    programFacetIndex,
    new SearchMatchCache(),
    dialectOf(dataSource) === "sqlite",
  );
  const programs = new ProgramService(dataSource, config, ranked, programFacetIndex);
  const curators = new CuratorService(dataSource, auditTrail);
  const requirements = new RequirementService(dataSource);
  const institutions = new InstitutionService(dataSource);
  const pathways = new PathwayService(dataSource);
  const specialties = new SpecialtyService(dataSource);
  const eligibilitySource = new DatabaseRecordSource(programs, pathways, requirements);
  const eligibilityIndex = new VersionedReadIndex(
    dataSource,
    "eligibility records",
    () => EligibilityIndex.build(eligibilitySource),
    versions,
  );
  const webhooks = new WebhookService(dataSource, auditTrail, config.webhooks);
  const writes = {
    institutionWrites: new InstitutionWrites(dataSource, auditTrail),
    programWrites: new ProgramWrites(dataSource, auditTrail),
    requirementWrites: new RequirementWrites(dataSource, auditTrail),
    pathwayWrites: new PathwayWrites(dataSource, auditTrail),
    specialtyWrites: new SpecialtyWrites(dataSource, auditTrail),
  };
  // The history names every audited record type, and follows the ids each one's changes hold.
  const auditNames = new AuditNameService(
    {
      Program: (ids) => programs.namesByIds(ids),
      Institution: (ids) => institutions.namesByIds(ids),
      Requirement: (ids) => requirements.namesByIds(ids),
      Pathway: (ids) => pathways.namesByIds(ids),
      Specialty: (ids) => specialties.namesByIds(ids),
      Curator: (ids) => curators.namesByIds(ids),
      WebhookEndpoint: (ids) => webhooks.namesByIds(ids),
    },
    [...Object.values(writes).map((w) => w.model), curators.model, webhooks.model],
  );
  return {
    institutions,
    programs,
    requirements,
    programLinks: new ProgramLinksService(dataSource),
    pathways,
    specialties,
    // Curation: versioned, audited writes (core/versioned-write.ts), accounts and sessions.
    ...writes,
    programReview: new ProgramReview(dataSource, programs, config),
    reviewQueue: new ReviewQueueService(dataSource, config),
    programFacetIndex,
    eligibilityIndex,
    audit: new AuditService(dataSource),
    directoryChanges: new DirectoryChangeService(dataSource),
    auditNames,
    curators,
    sessions: new SessionService(dataSource, curators, config.auth),
    eligibility: new EligibilityService(eligibilitySource, new IndexedPublished(eligibilityIndex, programFacetIndex)),
    snapshots: new SnapshotService(dataSource, config),
    webhooks,
    // Started and stopped with the HTTP app (app.ts): the CLI never delivers.
    webhookDrainer: new WebhookDrainer(dataSource, config.webhooks),
  };
}

import { AuditEntry } from "../modules/audit/audit-entry.entity";
import { CuratorSession } from "../modules/curator/curator-session.entity";
import { Curator } from "../modules/curator/curator.entity";
import { LoginAttempt } from "../modules/curator/login-attempt.entity";
import { DirectoryChangeEntry, DirectoryChangeHead } from "../modules/feed/directory-change.entity";
import { Institution } from "../modules/institution/institution.entity";
import { PathwayRequirement } from "../modules/pathway/pathway-requirement.entity";
import { Pathway } from "../modules/pathway/pathway.entity";
import { ProgramRequirement } from "../modules/program/program-requirement.entity";
import { ProgramSpecialty } from "../modules/program/program-specialty.entity";
import { Program } from "../modules/program/program.entity";
import { RequirementImplication } from "../modules/requirement/requirement-implication.entity";
import { Requirement } from "../modules/requirement/requirement.entity";
import { Snapshot } from "../modules/snapshot/snapshot.entity";
import { Specialty } from "../modules/specialty/specialty.entity";
import { WebhookDelivery } from "../modules/webhook/webhook-delivery.entity";
import { WebhookEndpoint } from "../modules/webhook/webhook-endpoint.entity";
import { WebhookMessage } from "../modules/webhook/webhook-message.entity";

/** Every mapped table; migrations are generated from this list. */
export const entities = [
  Institution,
  Program,
  ProgramRequirement,
  ProgramSpecialty,
  Requirement,
  RequirementImplication,
  Pathway,
  PathwayRequirement,
  Specialty,
  Curator,
  CuratorSession,
  LoginAttempt,
  AuditEntry,
  Snapshot,
  DirectoryChangeEntry,
  DirectoryChangeHead,
  WebhookEndpoint,
  WebhookMessage,
  WebhookDelivery,
];

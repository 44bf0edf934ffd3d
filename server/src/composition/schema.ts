import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { DirectoryAuthChecker } from "../core/auth-checker";
import { directFieldResolvers } from "../core/direct-field-resolvers";
import { answerKeptValues } from "../core/kept-field-values";
import { validateArgument } from "../core/validation";
import { AuditResolver } from "../modules/audit/audit.resolver";
import { CuratorResolver } from "../modules/curator/curator.resolver";
import { InstitutionMutationResolver } from "../modules/institution/institution.mutations";
import { EligibilityResolver } from "../modules/eligibility/eligibility.resolver";
import { FeedResolver } from "../modules/feed/feed.resolver";
import { InstitutionResolver } from "../modules/institution/institution.resolver";
import { PathwayMutationResolver } from "../modules/pathway/pathway.mutations";
import { PathwayRequirementResolver, PathwayResolver } from "../modules/pathway/pathway.resolver";
import { ProgramMutationResolver } from "../modules/program/program.mutations";
import { FacetCountResolver, ProgramFacetsResolver } from "../modules/program/program-facets.resolver";
import { ProgramRequirementResolver, ProgramResolver } from "../modules/program/program.resolver";
import { RequirementMutationResolver } from "../modules/requirement/requirement.mutations";
import { RequirementResolver } from "../modules/requirement/requirement.resolver";
import { SpecialtyMutationResolver } from "../modules/specialty/specialty.mutations";
import { ReviewResolver } from "../modules/review/review.resolver";
import { SnapshotResolver } from "../modules/snapshot/snapshot.resolver";
import { SpecialtyResolver } from "../modules/specialty/specialty.resolver";
import { WebhookResolver } from "../modules/webhook/webhook.resolver";
import { InstitutionTextResolver } from "../modules/institution/institution.text.resolver";
import { PathwayTextResolver } from "../modules/pathway/pathway.text.resolver";
import { ProgramTextResolver } from "../modules/program/program.text.resolver";
import { RequirementTextResolver } from "../modules/requirement/requirement.text.resolver";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  InstitutionResolver,
  ProgramResolver,
  ProgramRequirementResolver,
  RequirementResolver,
  PathwayResolver,
  PathwayRequirementResolver,
  SpecialtyResolver,
  ProgramFacetsResolver,
  FacetCountResolver,
  EligibilityResolver,
  FeedResolver,
  // English and French text
  ProgramTextResolver,
  InstitutionTextResolver,
  PathwayTextResolver,
  RequirementTextResolver,
  // Curation
  CuratorResolver,
  AuditResolver,
  InstitutionMutationResolver,
  ProgramMutationResolver,
  RequirementMutationResolver,
  PathwayMutationResolver,
  SpecialtyMutationResolver,
  SnapshotResolver,
  ReviewResolver,
  WebhookResolver,
];

/** Fields that answer values read ahead with their parent (core/kept-field-values.ts). */
const KEPT_FIELD_VALUES: [string, string][] = [["Institution", "programs"]];

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process: type-graphql's metadata is global, so rebuilding gains nothing. */
export function buildDirectorySchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker: DirectoryAuthChecker,
    authMode: "error",
    validate: true,
    validateFn: validateArgument,
  }).then((schema) => answerKeptValues(directFieldResolvers(schema, resolvers), KEPT_FIELD_VALUES));
  return cached;
}

/** The SDL committed as schema/schema.graphql: sorted so that it does not churn. */
export function printDirectorySchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}

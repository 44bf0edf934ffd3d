/**
 * The four workloads compared with PostGraphile (issue: page, detail, institutions with nested
 * programs, count only), as each server spells them, and what each answer must agree on: the
 * same programs (by slug, in order) and the same counts. PostGraphile sees the tables as they
 * are, so its operations state what the app's visibility rules add (published programs, active
 * institutions) and the app's orders (title then id; name then id).
 */
import { PAGE_QUERY } from "./queries";

export type PeerWorkload = "page" | "detail" | "institutions" | "count";
export const PEER_WORKLOADS: PeerWorkload[] = ["page", "detail", "institutions", "count"];

export interface PeerOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** What both answers must agree on, as a comparable JSON value. */
type Digest = (data: any) => unknown;

const LINK_FIELDS = "level minimumScore note";

const APP_DETAIL = `query BenchDetail($slug: String!) {
  program(slug: $slug) {
    id slug title description type audience country region durationMonths handsOnPatientCare positions imgPositions
    visaSponsorship applicationOpensOn applicationClosesOn applicationFeeCents feeCurrency sourceUrl sourceNote lastVerifiedAt
    institution { id slug name kind country region city website }
    pathway { id slug name kind country region requirements { level note requirement { code name kind } } }
    specialties { slug name }
    requirements { ${LINK_FIELDS} requirement { code name kind } }
  }
}`;

const PEER_DETAIL = `query BenchDetail($slug: String!) {
  allPrograms(first: 1, condition: { slug: $slug, status: PUBLISHED }) {
    nodes {
      id slug title description type audience country region durationMonths handsOnPatientCare positions imgPositions
      visaSponsorship applicationOpensOn applicationClosesOn applicationFeeCents feeCurrency sourceUrl sourceNote lastVerifiedAt
      institutionByInstitutionId { id slug name kind country region city website }
      pathwayByPathwayId {
        id slug name kind country region
        pathwayRequirementsByPathwayId { nodes { level note requirementByRequirementId { code name kind } } }
      }
      programSpecialtiesByProgramId { nodes { specialtyBySpecialtyId { slug name } } }
      programRequirementsByProgramId(orderBy: [LEVEL_ASC, ID_ASC]) {
        nodes { ${LINK_FIELDS} requirementByRequirementId { code name kind } }
      }
    }
  }
}`;

const PEER_PAGE = `query BenchPage($first: Int!) {
  allPrograms(
    first: $first
    orderBy: [TITLE_ASC, ID_ASC]
    condition: { country: US, status: PUBLISHED }
    filter: { type: { in: [FELLOWSHIP, RESIDENCY] } }
  ) {
    totalCount
    nodes {
      id slug title type audience country region durationMonths handsOnPatientCare visaSponsorship lastVerifiedAt
      institutionByInstitutionId { id slug name city region }
      programSpecialtiesByProgramId { nodes { specialtyBySpecialtyId { slug name } } }
      programRequirementsByProgramId { nodes { ${LINK_FIELDS} requirementByRequirementId { code name kind } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const APP_INSTITUTIONS = `query BenchInstitutions {
  institutions(first: 20) {
    edges { node { id slug name city programs(first: 10) { edges { node { id slug title type } } } } }
  }
}`;

const PEER_INSTITUTIONS = `query BenchInstitutions {
  allInstitutions(first: 20, orderBy: [NAME_ASC, ID_ASC], condition: { archivedAt: null }) {
    nodes {
      id slug name city
      programsByInstitutionId(first: 10, orderBy: [TITLE_ASC, ID_ASC], condition: { status: PUBLISHED }) {
        nodes { id slug title type }
      }
    }
  }
}`;

const APP_COUNT = `query BenchCount { programs(first: 20, filter: { country: [CA] }) { totalCount } }`;
const PEER_COUNT = `query BenchCount { allPrograms(condition: { country: CA, status: PUBLISHED }) { totalCount } }`;

const sortedSet = (values: string[]) => [...values].sort();

export interface PeerPair {
  app: PeerOperation;
  peer: PeerOperation;
  appDigest: Digest;
  peerDigest: Digest;
}

/** The operations of one workload; `detailSlug` is a published program's slug. */
export function peerPair(workload: PeerWorkload, detailSlug: string): PeerPair {
  switch (workload) {
    case "page":
      return {
        app: { query: PAGE_QUERY, variables: { first: 50, after: null } },
        peer: { query: PEER_PAGE, variables: { first: 50 } },
        appDigest: (d) => ({
          total: d.programs.totalCount,
          programs: d.programs.edges.map((e: any) => [
            e.node.slug,
            e.node.institution?.slug ?? null,
            sortedSet(e.node.specialties.map((s: any) => s.slug)),
            sortedSet(e.node.requirements.map((r: any) => `${r.requirement.code}:${r.level}`)),
          ]),
        }),
        peerDigest: (d) => ({
          total: d.allPrograms.totalCount,
          programs: d.allPrograms.nodes.map((n: any) => [
            n.slug,
            n.institutionByInstitutionId?.slug ?? null,
            sortedSet(n.programSpecialtiesByProgramId.nodes.map((s: any) => s.specialtyBySpecialtyId.slug)),
            sortedSet(
              n.programRequirementsByProgramId.nodes.map((r: any) => `${r.requirementByRequirementId.code}:${r.level}`),
            ),
          ]),
        }),
      };
    case "detail":
      return {
        app: { query: APP_DETAIL, variables: { slug: detailSlug } },
        peer: { query: PEER_DETAIL, variables: { slug: detailSlug } },
        appDigest: (d) => [
          d.program.slug,
          d.program.institution?.slug ?? null,
          d.program.pathway?.slug ?? null,
          (d.program.pathway?.requirements ?? []).length,
          sortedSet(d.program.specialties.map((s: any) => s.slug)),
          sortedSet(d.program.requirements.map((r: any) => `${r.requirement.code}:${r.level}`)),
        ],
        peerDigest: (d) => {
          const n = d.allPrograms.nodes[0];
          return [
            n.slug,
            n.institutionByInstitutionId?.slug ?? null,
            n.pathwayByPathwayId?.slug ?? null,
            (n.pathwayByPathwayId?.pathwayRequirementsByPathwayId.nodes ?? []).length,
            sortedSet(n.programSpecialtiesByProgramId.nodes.map((s: any) => s.specialtyBySpecialtyId.slug)),
            sortedSet(
              n.programRequirementsByProgramId.nodes.map((r: any) => `${r.requirementByRequirementId.code}:${r.level}`),
            ),
          ];
        },
      };
    case "institutions":
      return {
        app: { query: APP_INSTITUTIONS, variables: {} },
        peer: { query: PEER_INSTITUTIONS, variables: {} },
        appDigest: (d) =>
          d.institutions.edges.map((e: any) => [e.node.slug, e.node.programs.edges.map((p: any) => p.node.slug)]),
        peerDigest: (d) =>
          d.allInstitutions.nodes.map((n: any) => [n.slug, n.programsByInstitutionId.nodes.map((p: any) => p.slug)]),
      };
    case "count":
      return {
        app: { query: APP_COUNT, variables: {} },
        peer: { query: PEER_COUNT, variables: {} },
        appDigest: (d) => d.programs.totalCount,
        peerDigest: (d) => d.allPrograms.totalCount,
      };
  }
}

/**
 * The example operations of docs/API.md's "For frontend developers" section, verbatim: the docs
 * test checks that docs/API.md shows them, and the limits test that they run.
 */
export const EXAMPLES: Record<string, { query: string; variables: Record<string, unknown> }> = {
  searchPage: {
    query: `query SearchPage($search: String, $filter: ProgramFilter, $orderBy: ProgramOrder, $after: String) {
  programs(search: $search, filter: $filter, orderBy: $orderBy, first: 20, after: $after) {
    totalCount
    edges {
      cursor
      node {
        id slug title type audience country region
        handsOnPatientCare visaSponsorship lastVerifiedAt
        institution { name city }
        specialties { name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { search: "cardiology fellowship", filter: { country: ["US"], audience: ["GRADUATE"] } },
  },
  facetSidebar: {
    query: `query Sidebar($search: String, $filter: ProgramFilter) {
  programFacets(search: $search, filter: $filter) {
    type { value label count }
    audience { value label count }
    country { value label count }
    region { value label count }
    specialty { value label count }
    pathway { value label count }
    requirement { value label count }
  }
}`,
    variables: { search: "cardiology", filter: { country: ["US"], type: ["FELLOWSHIP"] } },
  },
  programPage: {
    query: `query ProgramPage($slug: String!) {
  program(slug: $slug) {
    id title description type audience country region durationMonths
    handsOnPatientCare positions imgPositions visaSponsorship
    applicationOpensOn applicationClosesOn applicationFeeCents feeCurrency websiteUrl applicationUrl
    sourceUrl sourceNote lastVerifiedAt
    institution { name city region website }
    pathway { name website requirements { level note requirement { code name } } }
    specialties { slug name }
    requirements { level minimumScore note requirement { code name kind description } }
  }
}`,
    variables: { slug: "mayo-clinic-fellowships-for-imgs" },
  },
  eligibilityCheck: {
    query: `query Eligibility($profile: CandidateProfile!, $filter: ProgramFilter, $verdicts: [EligibilityVerdict!], $after: String) {
  eligibility(profile: $profile, filter: $filter, verdicts: $verdicts, first: 20, after: $after) {
    totalCount
    edges {
      cursor
      node {
        program { slug title institution { name } returnOfServiceNote }
        verdict
        verdictReasons { kind message rule requirement { code name } }
        recommendedMissing { code name }
      }
    }
    verdictCounts { eligible unknown ineligible }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: {
      profile: { stage: "GRADUATE", holds: ["ECFMG_CERTIFICATION"], graduationYear: 2018, visaNeeded: "J1" },
      filter: { country: ["US"] },
    },
  },
  changesSince: {
    query: `query ChangesSince($after: String) {
  directoryChanges(after: $after, first: 100) {
    edges {
      cursor
      node { sequence kind recordType recordId slug changedFields occurredAt }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { after: null },
  },
};

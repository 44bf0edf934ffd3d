import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { useMorePages, type LoadedPage } from "../api/useMorePages";
import { useQuery } from "../api/useQuery";
import {
  EligibilityDocument,
  ProfileChoicesDocument,
  type EligibilityQuery,
  type EligibilityVerdict,
} from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { ErrorNote, PageSkeleton } from "../layout/States";
import { CardSkeletons } from "../search/ProgramCard";
import { EligibilityResult } from "./EligibilityResult";
import { fromParams, saveProfile, savedProfile, toApiProfile, toParams } from "./profile";
import { ProfileForm } from "./ProfileForm";
import { VerdictFilter } from "./VerdictFilter";

const PAGE_SIZE = 20;
type Edge = EligibilityQuery["eligibility"]["edges"][number];
function pageOfEdges(eligibility: EligibilityQuery["eligibility"]): LoadedPage<Edge> {
  return {
    nodes: eligibility.edges,
    endCursor: eligibility.pageInfo.endCursor ?? null,
    hasNext: eligibility.pageInfo.hasNextPage,
  };
}

const VERDICTS: readonly EligibilityVerdict[] = ["ELIGIBLE", "UNKNOWN", "INELIGIBLE"];

/** The verdict the list is narrowed to (`?verdict=UNKNOWN`), beside the profile in the URL. */
function verdictParam(params: URLSearchParams): EligibilityVerdict | null {
  return VERDICTS.find((v) => v === params.get("verdict")) ?? null;
}

/** "Am I eligible?": the profile form, then every program in the API's order with its verdict and reasons. */
export default function EligibilityPage() {
  const { t, plural } = useI18n();
  const [params, setParams] = useSearchParams();
  const profile = useMemo(() => fromParams(params), [params]);
  const choices = useQuery(ProfileChoicesDocument, {});
  const verdict = verdictParam(params);
  const variables = useMemo(
    () => (profile ? { profile: toApiProfile(profile), verdicts: verdict ? [verdict] : null, first: PAGE_SIZE } : null),
    [profile, verdict],
  );
  const results = useQuery(EligibilityDocument, variables);
  const page = results.data?.eligibility;
  const more = useMorePages(EligibilityDocument, variables, page ? pageOfEdges(page) : null, (answer) =>
    pageOfEdges(answer.eligibility),
  );

  return (
    <div className="eligibility-page">
      <h1 id="profile-title">{t("eligibilityTitle")}</h1>
      <p>{t("eligibilityIntro")}</p>
      {choices.error && <ErrorNote error={choices.error} />}
      {choices.data ? (
        <ProfileForm
          key={profile ? toParams(profile).toString() : ""}
          choices={choices.data.requirements.edges.map((e) => e.node)}
          initial={profile ?? savedProfile()}
          onSubmit={(p) => {
            saveProfile(p);
            setParams(toParams(p));
          }}
        />
      ) : (
        !choices.error && <PageSkeleton />
      )}
      {profile && (
        <section aria-labelledby="eligibility-results" className="results" aria-busy={results.loading}>
          <h2 id="eligibility-results" aria-live="polite">
            {page ? plural("eligibilityResults", page.totalCount) : t("loading")}
          </h2>
          {page && (
            <VerdictFilter
              counts={page.verdictCounts}
              value={verdict}
              onChange={(v) => {
                const next = new URLSearchParams(params);
                if (v) next.set("verdict", v);
                else next.delete("verdict");
                setParams(next);
              }}
            />
          )}
          {results.error && <ErrorNote error={results.error} />}
          <div className="result-list" data-testid="eligibility-results">
            {!results.data && <CardSkeletons count={4} />}
            {more.nodes.map((e) => (
              <EligibilityResult key={e.node.program.id} node={e.node} />
            ))}
          </div>
          {more.error && <ErrorNote error={more.error} />}
          {more.hasNext && (
            <button type="button" className="load-more" onClick={more.loadMore} disabled={more.loading}>
              {more.loading ? t("loading") : t("loadMore")}
            </button>
          )}
        </section>
      )}
    </div>
  );
}

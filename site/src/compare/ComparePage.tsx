import { useEffect, useMemo, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useQuery } from "../api/useQuery";
import { CompareProgramsDocument, type CompareProgramsQuery } from "../gql/graphql";
import { Content } from "../i18n/Content";
import { useI18n, type I18n } from "../i18n/i18n";
import { ErrorNote, PageSkeleton } from "../layout/States";
import { enumLabel } from "../search/labels";
import { Provenance } from "../search/ProgramCard";
import { MAX_COMPARED, setCompared, useCompareSelection } from "./compare-store";

type Program = CompareProgramsQuery["programs"]["edges"][number]["node"];

function yesNo(i18n: I18n, v: boolean | null | undefined): string {
  return v === true ? i18n.t("yes") : v === false ? i18n.t("no") : i18n.t("unknown");
}

/** The program's own requirements at `level`, then its pathway's (marked as such). */
function requirementList(i18n: I18n, p: Program, level: "REQUIRED" | "COMMONLY_REQUIRED" | "RECOMMENDED"): ReactNode {
  const own = p.requirements.filter((r) => r.level === level);
  const ownCodes = new Set(own.map((r) => r.requirement.code));
  const viaPathway = (p.pathway?.requirements ?? []).filter(
    (r) => r.level === level && !ownCodes.has(r.requirement.code),
  );
  if (!own.length && !viaPathway.length) return "—";
  return (
    <ul className="plain">
      {own.map((r) => (
        <li key={r.id}>
          <Content locale={r.requirement.nameLocale}>{r.requirement.name}</Content>
          {r.minimumScore != null ? ` (≥ ${r.minimumScore})` : ""}
        </li>
      ))}
      {viaPathway.map((r) => (
        <li key={r.id}>
          <Content locale={r.requirement.nameLocale}>{r.requirement.name}</Content>{" "}
          <span className="requirement-source">
            ({i18n.t("requirementSource", { source: i18n.t("sourcePathway") })})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The rows of the table: a label and what each program says. */
function rows(i18n: I18n): [string, (p: Program) => ReactNode][] {
  const { t, day } = i18n;
  return [
    [t("facetType"), (p) => enumLabel(t, "type", p.type)],
    [t("facetAudience"), (p) => enumLabel(t, "audience", p.audience)],
    [t("programPlace"), (p) => [p.region, enumLabel(t, "country", p.country)].filter(Boolean).join(", ")],
    [t("programPathway"), (p) => (p.pathway ? <Content locale={p.pathway.nameLocale}>{p.pathway.name}</Content> : "—")],
    [
      t("programDuration"),
      (p) => (p.durationMonths != null ? t("durationMonths", { count: p.durationMonths }) : t("unknown")),
    ],
    [t("programPositions"), (p) => p.positions ?? t("unknown")],
    [t("programImgPositions"), (p) => p.imgPositions ?? t("unknown")],
    [t("programVisa"), (p) => yesNo(i18n, p.visaSponsorship)],
    [t("programHandsOn"), (p) => yesNo(i18n, p.handsOnPatientCare)],
    [t("programApplicationOpens"), (p) => (p.applicationOpensOn ? day(p.applicationOpensOn) : t("unknown"))],
    [t("programApplicationCloses"), (p) => (p.applicationClosesOn ? day(p.applicationClosesOn) : t("unknown"))],
    [t("compareRequired"), (p) => requirementList(i18n, p, "REQUIRED")],
    [t("levelCOMMONLY_REQUIRED"), (p) => requirementList(i18n, p, "COMMONLY_REQUIRED")],
    [t("compareRecommended"), (p) => requirementList(i18n, p, "RECOMMENDED")],
    [t("programProvenance"), (p) => <Provenance lastVerifiedAt={p.lastVerifiedAt} />],
  ];
}

/** Up to 4 programs side by side, by id (`?ids=1&ids=2`: the API's `ids` filter). */
export default function ComparePage() {
  const i18n = useI18n();
  const { t, href } = i18n;
  const [params, setParams] = useSearchParams();
  const selection = useCompareSelection();
  const ids = useMemo(() => params.getAll("ids").filter(Boolean).slice(0, MAX_COMPARED), [params]);

  // Opened from the menu without ids: show the selection (and put it in the URL, to share it).
  useEffect(() => {
    if (ids.length === 0 && selection.length > 0)
      setParams(new URLSearchParams(selection.map((id) => ["ids", id])), { replace: true });
  }, [ids.length, selection, setParams]);

  const { data, error } = useQuery(CompareProgramsDocument, ids.length ? { ids } : null);
  const remove = (id: string) => {
    const next = ids.filter((x) => x !== id);
    setCompared(next);
    setParams(new URLSearchParams(next.map((x) => ["ids", x])));
  };

  // Programs in the order of the URL.
  const programs = ids
    .map((id) => data?.programs.edges.find((e) => e.node.id === id)?.node)
    .filter((p): p is Program => Boolean(p));
  return (
    <div className="compare-page">
      <h1>{t("compareTitle")}</h1>
      {ids.length === 0 && <p>{t("compareEmpty")}</p>}
      {error && <ErrorNote error={error} />}
      {ids.length > 0 && !data && !error && <PageSkeleton />}
      {programs.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
          <table className="compare">
            <caption id="compare-caption" className="visually-hidden">
              {t("compareTitle")}
            </caption>
            <thead>
              <tr>
                <td />
                {programs.map((p) => (
                  <th key={p.id} scope="col">
                    <Link to={href(`/programs/${p.slug}`)}>
                      <Content locale={p.titleLocale}>{p.title}</Content>
                    </Link>
                    <div className="card-meta">
                      {p.institution ? (
                        <Content locale={p.institution.nameLocale}>{p.institution.name}</Content>
                      ) : (
                        t("programManyInstitutions")
                      )}
                    </div>
                    <button type="button" className="link-button" onClick={() => remove(p.id)}>
                      {t("compareRemoveShort")}
                      <span className="visually-hidden"> {p.title}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows(i18n).map(([label, cell]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {programs.map((p) => (
                    <td key={p.id}>{cell(p)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

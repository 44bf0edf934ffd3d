import { Link } from "react-router-dom";
import { MAX_COMPARED, toggleCompared, useCompareSelection } from "../compare/compare-store";
import type { ProgramCardFragment } from "../gql/graphql";
import { Content } from "../i18n/Content";
import { useI18n } from "../i18n/i18n";
import { enumLabel } from "./labels";

/** "Last verified on …" or "Not yet verified": every listing says how fresh it is. */
export function Provenance({ lastVerifiedAt }: { lastVerifiedAt: string | null | undefined }) {
  const { t, date } = useI18n();
  return (
    <span className={lastVerifiedAt ? "verified" : "unverified"}>
      {lastVerifiedAt ? t("verifiedOn", { date: date(lastVerifiedAt) }) : t("notVerified")}
    </span>
  );
}

export function CompareToggle({ id, title }: { id: string; title: string }) {
  const { t } = useI18n();
  const selected = useCompareSelection();
  const checked = selected.includes(id);
  const full = !checked && selected.length >= MAX_COMPARED;
  return (
    <label className="compare-toggle" title={full ? t("compareFull") : undefined}>
      <input type="checkbox" checked={checked} disabled={full} onChange={() => toggleCompared(id)} />
      <span>{t("compareAdd")}</span>
      <span className="visually-hidden"> {title}</span>
    </label>
  );
}

/** One result: a fixed layout (title, institution line, badges), so a list never reflows as it fills. */
export function ProgramCard({ program, compare = true }: { program: ProgramCardFragment; compare?: boolean }) {
  const { t, href } = useI18n();
  const place = [program.institution?.city, program.region, enumLabel(t, "country", program.country)]
    .filter(Boolean)
    .join(", ");
  return (
    <article className="card">
      <h3 className="card-title">
        <Link to={href(`/programs/${program.slug}`)}>
          <Content locale={program.titleLocale}>{program.title}</Content>
        </Link>
      </h3>
      <p className="card-meta">
        {program.institution ? (
          <Content locale={program.institution.nameLocale}>{program.institution.name}</Content>
        ) : (
          <span>{t("programManyInstitutions")}</span>
        )}
        <span aria-hidden="true"> · </span>
        <span>{place}</span>
      </p>
      <p className="card-badges">
        <span className="badge">{enumLabel(t, "type", program.type)}</span>
        <span className="badge">{enumLabel(t, "audience", program.audience)}</span>
        {program.pathway && (
          <Content className="badge" locale={program.pathway.nameLocale}>
            {program.pathway.name}
          </Content>
        )}
        <Provenance lastVerifiedAt={program.lastVerifiedAt} />
      </p>
      {compare && <CompareToggle id={program.id} title={program.title} />}
    </article>
  );
}

/** Placeholder cards of the same size as real ones, shown until the first answer. */
export function CardSkeletons({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="card card-skeleton" aria-hidden="true">
          <div className="skeleton skeleton-title" />
          <div className="skeleton skeleton-line" />
          <div className="skeleton skeleton-line short" />
        </div>
      ))}
    </>
  );
}

import { Link } from "react-router-dom";
import { Content } from "../i18n/Content";
import { useI18n } from "../i18n/i18n";
import { enumLabel } from "../search/labels";
import { verdictOf, type EligibilityNode } from "./verdict";

/** One program's answer: the API's verdict, then its reasons, in the applicant's words. */
export function EligibilityResult({ node }: { node: EligibilityNode }) {
  const { t, href } = useI18n();
  const { verdict, reasons } = verdictOf(node, t);
  const program = node.program;
  // The API lists often-required ones here too; they already have their own "not stated" reason.
  const withReason = new Set(node.verdictReasons.map((r) => r.requirement?.code));
  const recommended = node.recommendedMissing.filter((r) => !withReason.has(r.code));
  return (
    <article className={`card verdict-${verdict.toLowerCase()}`} data-verdict={verdict}>
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
        {enumLabel(t, "type", program.type)}
      </p>
      <p className="verdict">
        <strong>{t(`verdict${verdict}`)}</strong>
      </p>
      {reasons.length > 0 && (
        <ul className="reasons">
          {reasons.map((r, i) => (
            <li key={i} className={`reason-${r.kind.toLowerCase()}`} data-kind={r.kind}>
              <span className="reason-kind">{t(`reasonKind${r.kind}`)}</span>{" "}
              {r.lang ? <Content locale="EN">{r.message}</Content> : r.message}
            </li>
          ))}
        </ul>
      )}
      {recommended.length > 0 && (
        <p className="hint">
          {t("recommendedMissing")}{" "}
          {recommended.map((r, i) => (
            <span key={r.code}>
              {i > 0 && ", "}
              <Content locale={r.nameLocale}>{r.name}</Content>
            </span>
          ))}
        </p>
      )}
    </article>
  );
}

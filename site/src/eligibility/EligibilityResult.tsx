import { Link } from "react-router-dom";
import { contentLang } from "../i18n/content-locale";
import { useI18n } from "../i18n/i18n";
import { enumLabel } from "../search/labels";
import type { Profile } from "./profile";
import { verdictOf, type EligibilityNode } from "./verdict";

/** One program's answer: the verdict, then what stands in the way, in the applicant's words. */
export function EligibilityResult({ node, profile }: { node: EligibilityNode; profile: Profile }) {
  const { t, href } = useI18n();
  const { verdict, reasons } = verdictOf(node, profile, t);
  const program = node.program;
  return (
    <article className={`card verdict-${verdict.toLowerCase()}`} data-verdict={verdict}>
      <h3 className="card-title" lang={contentLang()}>
        <Link to={href(`/programs/${program.slug}`)}>{program.title}</Link>
      </h3>
      <p className="card-meta">
        <span lang={contentLang()}>{program.institution?.name ?? t("programManyInstitutions")}</span>
        <span aria-hidden="true"> · </span>
        {enumLabel(t, "type", program.type)}
      </p>
      <p className="verdict">
        <strong>{t(`verdict${verdict}`)}</strong>
      </p>
      {reasons.length > 0 && (
        <ul className="reasons">
          {reasons.map((r, i) => (
            <li key={i} className={`reason-${r.kind.toLowerCase()}`} lang={r.lang}>
              {r.message}
            </li>
          ))}
        </ul>
      )}
      {node.recommendedMissing.length > 0 && (
        <p className="hint">
          {t("recommendedMissing", { names: node.recommendedMissing.map((r) => r.name).join(", ") })}
        </p>
      )}
    </article>
  );
}

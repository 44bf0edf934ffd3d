import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { useQuery } from "../api/useQuery";
import { ProgramPageDocument, type ProgramPageQuery } from "../gql/graphql";
import type { Locale } from "../gql/graphql";
import { Content } from "../i18n/Content";
import { useI18n } from "../i18n/i18n";
import { ErrorNote, NotFound, PageSkeleton } from "../layout/States";
import { CompareToggle, Provenance } from "../search/ProgramCard";
import { enumLabel } from "../search/labels";

type Program = NonNullable<ProgramPageQuery["program"]>;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function YesNo({ value }: { value: boolean | null | undefined }) {
  const { t } = useI18n();
  return <>{value === true ? t("yes") : value === false ? t("no") : t("unknown")}</>;
}

/** One requirement line: its name, level, minimum score, note, and where it comes from. */
function RequirementItem(props: {
  name: string;
  nameLocale: Locale;
  level: string;
  minimumScore?: number | null;
  note?: string | null;
  source: "sourceProgram" | "sourcePathway";
}) {
  const { t } = useI18n();
  return (
    <li className={`requirement level-${props.level.toLowerCase()}`}>
      <span className="badge">{enumLabel(t, "level", props.level)}</span>{" "}
      <Content as="strong" locale={props.nameLocale}>
        {props.name}
      </Content>
      {props.minimumScore != null && <span> — {t("minimumScore", { score: props.minimumScore })}</span>}
      <span className="requirement-source"> ({t("requirementSource", { source: t(props.source) })})</span>
      {props.note && (
        <p className="note" lang="en">
          {props.note}
        </p>
      )}
    </li>
  );
}

function Requirements({ program }: { program: Program }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="requirements-title">
      <h2 id="requirements-title">{t("programRequirements")}</h2>
      {program.requirements.length === 0 && <p>{t("programNoRequirements")}</p>}
      <ul className="requirements">
        {program.requirements.map((r) => (
          <RequirementItem
            key={r.id}
            name={r.requirement.name}
            nameLocale={r.requirement.nameLocale}
            level={r.level}
            minimumScore={r.minimumScore}
            note={r.note}
            source="sourceProgram"
          />
        ))}
      </ul>
      {program.pathway && program.pathway.requirements.length > 0 && (
        <>
          <h3>{t("pathwayRequirements", { name: program.pathway.name })}</h3>
          <ul className="requirements">
            {program.pathway.requirements.map((r) => (
              <RequirementItem
                key={r.id}
                name={r.requirement.name}
                nameLocale={r.requirement.nameLocale}
                level={r.level}
                note={r.note}
                source="sourcePathway"
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ProgramView({ program }: { program: Program }) {
  const { t, href, day } = useI18n();
  // Texts the API has in one language only (curators' notes, specialty names) are English.
  const lang = "en";
  return (
    <article className="program">
      <p className="breadcrumb">
        <Link to={href("/")}>{t("backToSearch")}</Link>
      </p>
      <h1>
        <Content locale={program.titleLocale}>{program.title}</Content>
      </h1>
      <p className="card-badges">
        <span className="badge">{enumLabel(t, "type", program.type)}</span>
        <span className="badge">{enumLabel(t, "audience", program.audience)}</span>
        <Provenance lastVerifiedAt={program.lastVerifiedAt} />
      </p>
      <CompareToggle id={program.id} title={program.title} />
      {program.description && (
        <Content as="p" className="description" locale={program.descriptionLocale}>
          {program.description}
        </Content>
      )}
      {(program.applicationUrl || program.websiteUrl) && (
        <p className="actions">
          {program.applicationUrl && (
            <a href={program.applicationUrl} rel="noopener noreferrer" className="button">
              {t("programApply")}
            </a>
          )}
          {program.websiteUrl && (
            <a href={program.websiteUrl} rel="noopener noreferrer">
              {t("programWebsite")}
            </a>
          )}
        </p>
      )}
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("programDetails")}</h2>
        <dl className="details">
          <Row label={t("programInstitution")}>
            {program.institution ? (
              <Link to={href(`/institutions/${program.institution.slug}`)}>
                <Content locale={program.institution.nameLocale}>{program.institution.name}</Content>
              </Link>
            ) : (
              t("programManyInstitutions")
            )}
          </Row>
          <Row label={t("programPlace")}>
            {[program.institution?.city, program.region, enumLabel(t, "country", program.country)]
              .filter(Boolean)
              .join(", ")}
          </Row>
          {program.pathway && (
            <Row label={t("programPathway")}>
              <Content locale={program.pathway.nameLocale}>{program.pathway.name}</Content>
            </Row>
          )}
          {program.specialties.length > 0 && (
            <Row label={t("programSpecialties")}>
              <span lang={lang}>{program.specialties.map((s) => s.name).join(", ")}</span>
            </Row>
          )}
          {program.durationMonths != null && (
            <Row label={t("programDuration")}>{t("durationMonths", { count: program.durationMonths })}</Row>
          )}
          {program.positions != null && <Row label={t("programPositions")}>{program.positions}</Row>}
          {program.imgPositions != null && <Row label={t("programImgPositions")}>{program.imgPositions}</Row>}
          <Row label={t("programVisa")}>
            <YesNo value={program.visaSponsorship} />
          </Row>
          <Row label={t("programHandsOn")}>
            <YesNo value={program.handsOnPatientCare} />
          </Row>
          {program.applicationOpensOn && (
            <Row label={t("programApplicationOpens")}>{day(program.applicationOpensOn)}</Row>
          )}
          {program.applicationClosesOn && (
            <Row label={t("programApplicationCloses")}>{day(program.applicationClosesOn)}</Row>
          )}
        </dl>
      </section>
      <Requirements program={program} />
      <section aria-labelledby="provenance-title" className="provenance">
        <h2 id="provenance-title">{t("programProvenance")}</h2>
        <p>
          <Provenance lastVerifiedAt={program.lastVerifiedAt} />
        </p>
        {program.sourceUrl && (
          <p>
            {t("programSource")}:{" "}
            <a href={program.sourceUrl} rel="noopener noreferrer">
              {program.sourceUrl}
            </a>
          </p>
        )}
        {program.sourceNote && (
          <p>
            {t("programSourceNote")}: <span lang={lang}>{program.sourceNote}</span>
          </p>
        )}
      </section>
    </article>
  );
}

export default function ProgramPage() {
  const { slug = "" } = useParams();
  const { data, error } = useQuery(ProgramPageDocument, { slug });
  if (error) return <ErrorNote error={error} />;
  if (!data) return <PageSkeleton />;
  if (!data.program) return <NotFound />;
  return <ProgramView program={data.program} />;
}

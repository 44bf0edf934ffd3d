import { useParams } from "react-router-dom";
import { useQuery } from "../api/useQuery";
import { InstitutionPageDocument } from "../gql/graphql";
import { Content } from "../i18n/Content";
import { useI18n } from "../i18n/i18n";
import { ErrorNote, NotFound, PageSkeleton } from "../layout/States";
import { enumLabel } from "../search/labels";
import { ProgramCard } from "../search/ProgramCard";

export default function InstitutionPage() {
  const { slug = "" } = useParams();
  const { t, plural } = useI18n();
  const { data, error } = useQuery(InstitutionPageDocument, { slug });
  if (error) return <ErrorNote error={error} />;
  if (!data) return <PageSkeleton />;
  const institution = data.institution;
  if (!institution) return <NotFound />;
  return (
    <article className="institution">
      <h1>
        <Content locale={institution.nameLocale}>{institution.name}</Content>
      </h1>
      <p className="card-meta">
        {enumLabel(t, "kind", institution.kind)} ·{" "}
        {[institution.city, institution.region, enumLabel(t, "country", institution.country)].join(", ")}
      </p>
      {institution.description && (
        <Content as="p" locale={institution.descriptionLocale}>
          {institution.description}
        </Content>
      )}
      {institution.website && (
        <p>
          <a href={institution.website} rel="noopener noreferrer">
            {t("institutionWebsite")}
          </a>
        </p>
      )}
      <section aria-labelledby="institution-programs">
        <h2 id="institution-programs">
          {t("institutionPrograms")} — {plural("results", institution.programs.totalCount)}
        </h2>
        <div className="result-list">
          {institution.programs.edges.map((e) => (
            <ProgramCard key={e.node.id} program={e.node} />
          ))}
        </div>
      </section>
    </article>
  );
}

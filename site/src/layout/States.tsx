import { useI18n } from "../i18n/i18n";

/** What a page shows while its code or data loads: grey blocks where the content will be. */
export function PageSkeleton() {
  const { t } = useI18n();
  return (
    <div className="skeleton-page" aria-busy="true">
      <span className="visually-hidden">{t("loading")}</span>
      <div className="skeleton skeleton-title" />
      <div className="skeleton skeleton-line" />
      <div className="skeleton skeleton-line" />
      <div className="skeleton skeleton-block" />
    </div>
  );
}

export function ErrorNote({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <p role="alert" className="error">
      {t("error", { message: error.message })}
    </p>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("notFound")}</h1>
      <p>{t("notFoundText")}</p>
    </>
  );
}

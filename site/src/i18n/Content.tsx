import type { ReactNode } from "react";
import type { Locale } from "../gql/graphql";
import { contentLang } from "./content-locale";
import { useI18n } from "./i18n";

/**
 * A text of the directory's content in the language the API answered it in: marked with `lang`
 * (screen readers pronounce it right), and, when that is not the interface's language (an
 * untranslated text, the API's fallback), followed by a small "(English)" so it is visibly so.
 */
export function Content(props: {
  locale: Locale | null | undefined;
  children: ReactNode;
  as?: "span" | "strong" | "p" | "div";
  className?: string;
}) {
  const { lang, t } = useI18n();
  const textLang = contentLang(props.locale);
  const Tag = props.as ?? "span";
  return (
    <Tag lang={textLang} className={props.className}>
      {props.children}
      {textLang !== lang && (
        <span className="fallback" lang={lang} data-fallback={textLang}>
          {" "}
          {t(textLang === "en" ? "inEnglish" : "inFrench")}
        </span>
      )}
    </Tag>
  );
}

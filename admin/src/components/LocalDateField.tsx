import { DateField, type DateFieldProps } from "react-admin";
import { curatorLocale } from "../i18n";

/** A date (or date and time) written the way the curator's browser locale writes it. */
export function LocalDateField(props: DateFieldProps) {
  return (
    <DateField
      locales={curatorLocale()}
      options={props.showTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }}
      {...props}
    />
  );
}

import { Typography } from "@mui/material";
import { useFieldValue, useTranslate, type FieldProps } from "react-admin";
import { formatDate, formatDay } from "./formats";

/**
 * A date, or a date and time with `showTime`, written the admin's one way (components/formats.ts):
 * "Nov 29, 2026" or "Nov 29, 2026, 3:21 AM", in the curator's locale. `day` for a calendar day
 * ("2027-03-01", the API's LocalDate), which no time zone moves.
 */
export function LocalDateField({
  source,
  showTime = false,
  day = false,
  emptyText,
}: FieldProps & { showTime?: boolean; day?: boolean }) {
  const value = useFieldValue({ source });
  const translate = useTranslate();
  const text = day ? formatDay(value) : formatDate(value, showTime);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: "nowrap" }}>
      {text ?? (emptyText ? translate(emptyText, { _: emptyText }) : "")}
    </Typography>
  );
}

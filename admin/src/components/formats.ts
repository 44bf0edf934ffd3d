import { curatorLocale } from "../i18n";

/**
 * The admin's one way of writing dates, times and amounts, in the curator's locale: "Nov 29, 2026,
 * 3:21 AM" for an instant, "Nov 29, 2026" for a date (LocalDateField and every text that names one).
 */
export const DATE_TIME_STYLE: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
export const DATE_STYLE: Intl.DateTimeFormatOptions = { dateStyle: "medium" };

/** An instant or a date as the admin writes it everywhere; null for no value, the raw text if it is no date. */
export function formatDate(value: unknown, withTime = false): string | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(curatorLocale(), withTime ? DATE_TIME_STYLE : DATE_STYLE).format(date);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day ("2027-03-01", the API's LocalDate) as the admin writes dates: "Mar 1, 2027" in every
 * time zone. Read as midnight UTC and written in UTC, so the browser's zone never moves it.
 */
export function formatDay(value: unknown): string | null {
  if (typeof value !== "string" || !DAY.test(value)) return formatDate(value);
  return new Intl.DateTimeFormat(curatorLocale(), { ...DATE_STYLE, timeZone: "UTC" }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

export const formatDateTime = (value: unknown): string | null => formatDate(value, true);

/**
 * An amount in cents as money in its currency: "$95.00 USD", "CA$95.00" (a bare "$" gets its code:
 * the directory has two dollars). Without a currency, the amount alone ("95.00").
 */
export function formatMoney(cents: number, currency: string | null | undefined): string {
  const amount = cents / 100;
  if (currency) {
    try {
      const parts = new Intl.NumberFormat(curatorLocale(), { style: "currency", currency }).formatToParts(amount);
      const text = parts.map((p) => p.value).join("");
      const symbol = parts.find((p) => p.type === "currency")?.value ?? "";
      return /\p{L}/u.test(symbol) ? text : `${text} ${currency}`;
    } catch {
      // Not an ISO 4217 code Intl knows: the amount, then the code as stored.
      return `${amount.toFixed(2)} ${currency}`;
    }
  }
  return new Intl.NumberFormat(curatorLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

import { i18nProvider } from "../i18n";

/** One problem of a BAD_USER_INPUT answer (`extensions.fields`). */
export interface FieldProblem {
  path?: unknown;
  message?: unknown;
  rule?: unknown;
}

const t = (key: string, options: Record<string, unknown> = {}): string => i18nProvider.translate(key, { _: "", ...options });

/** The form field a problem names: its input path without "input" and list positions, e.g. requirements.minimumScore. */
export function fieldOf(path: unknown): string {
  const parts = Array.isArray(path) ? path.map(String) : [];
  return (parts[0] === "input" ? parts.slice(1) : parts).filter((p) => !/^\d+$/.test(p)).join(".");
}

/** A label inside a sentence: lower-case unless it starts with an acronym ("IMG", "URL"). */
const inSentence = (label: string) => (/^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/**
 * The server's message with the API's field names (camelCase, e.g. feeCurrency) written as the
 * form's labels ("fee currency"); words that are no field of the resource stay as they are.
 */
export function withLabels(resource: string, message: string): string {
  return message.replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, (word, offset: number) => {
    const label = t(`resources.${resource}.fields.${word}`);
    if (!label) return word;
    return offset === 0 ? label : inSentence(label);
  });
}

/**
 * What the form shows for a server problem on one of its fields: the admin's own wording of the rule
 * broken (directory.server_errors, by rule and field), else the server's words with the form's labels.
 */
export function formMessage(resource: string, problem: FieldProblem): string {
  const field = fieldOf(problem.path);
  const rule = typeof problem.rule === "string" ? problem.rule : "";
  if (rule) {
    const label = t(`resources.${resource}.fields.${field}`) || field;
    const worded = t(`directory.server_errors.${rule}.${field}`, { field: label }) || t(`directory.server_errors.${rule}`, { field: label });
    if (worded) return worded;
  }
  return withLabels(resource, String(problem.message ?? ""));
}

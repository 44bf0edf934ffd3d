import { HttpError } from "react-admin";
import { formMessage, type FieldProblem } from "./field-messages";

/** A GraphQL error as the server sends it. */
export interface ApiError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; currentVersion?: number; fields?: FieldProblem[]; [key: string]: unknown };
}

/** What the admin keeps of a failed call; react-admin reads `body.errors` to mark form fields. */
export interface ErrorBody {
  code: string;
  errors?: Record<string, unknown>;
  currentVersion?: number;
  details: ApiError[];
}

export const CONFLICT_MESSAGE = "directory.conflict.message";
/** The notification's shorter version; the form's notice (ConflictBanner) says the rest. */
export const CONFLICT_NOTICE = "directory.conflict.notice";

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  INTERNAL_SERVER_ERROR: 500,
};

/** The shapes a failed call arrives in: Apollo's error, our HttpError's body, or a fetch failure's cause. */
interface ErrorCarrier {
  body?: unknown;
  cause?: unknown;
  status?: number;
  graphQLErrors?: ApiError[];
  errors?: ApiError[];
  networkError?: { statusCode?: number; result?: { errors?: ApiError[] } };
}

function apiErrorsOf(error: unknown): ApiError[] {
  const outer = error as ErrorCarrier | null | undefined;
  for (const candidate of [outer, outer?.body, outer?.cause] as (ErrorCarrier | null | undefined)[]) {
    if (!candidate || typeof candidate !== "object") continue;
    if (Array.isArray(candidate.graphQLErrors) && candidate.graphQLErrors.length) return candidate.graphQLErrors;
    if (Array.isArray(candidate.errors) && candidate.errors.length && candidate.errors[0]?.message) return candidate.errors;
    const result = candidate.networkError?.result;
    if (result && Array.isArray(result.errors)) return result.errors;
  }
  return [];
}

/**
 * `extensions.fields` paths like ["input", "title"] or ["input", "requirements", "0", "level"] become
 * the nested form-error object react-admin puts on the named fields.
 */
export function fieldErrors(problems: FieldProblem[], word: (problem: FieldProblem) => string = (p) => String(p.message ?? "Invalid value")): Record<string, unknown> {
  type Node = { [key: string]: Node | string };
  const errors: Node = {};
  for (const p of problems) {
    const path = Array.isArray(p.path) ? p.path.map(String) : [];
    const rest = path[0] === "input" ? path.slice(1) : path;
    if (rest.length === 0 || ["id", "version"].includes(rest[0])) continue;
    let node = errors;
    rest.slice(0, -1).forEach((key) => {
      const next = node[key];
      node = node[key] = typeof next === "object" && next !== null ? next : {};
    });
    const last = rest[rest.length - 1];
    if (node[last] === undefined) node[last] = word(p);
  }
  return errors;
}

/**
 * Any failure of a data or auth call → an HttpError with a status, the API's code and form errors.
 * With the resource whose form was saved, each field's problem is worded with the form's labels.
 */
export function toHttpError(error: unknown, resource?: string): HttpError {
  const carrier = error as ErrorCarrier | null | undefined;
  const made = [error, carrier?.body].find((e): e is HttpError => e instanceof HttpError && !!(e.body as ErrorBody | null)?.code);
  if (made) {
    const body = made.body as ErrorBody;
    // Made before the form was known (by the API call): worded again for the form.
    return resource && body.code === "BAD_USER_INPUT" ? badInput(body.details, made.status, resource) : made;
  }
  const apiErrors = apiErrorsOf(error);
  const first = apiErrors[0];
  const httpStatus = Number(carrier?.status ?? carrier?.networkError?.statusCode) || undefined;
  const code: string = first?.extensions?.code ?? (httpStatus === 401 ? "UNAUTHENTICATED" : httpStatus ? "NETWORK_ERROR" : "ERROR");
  const status = STATUS[code] ?? httpStatus ?? 500;
  const body: ErrorBody = { code, details: apiErrors };

  if (code === "CONFLICT") {
    body.currentVersion = first?.extensions?.currentVersion;
    body.errors = { root: { serverError: CONFLICT_NOTICE, conflict: CONFLICT_MESSAGE } };
    return new HttpError(CONFLICT_MESSAGE, status, body);
  }
  if (code === "BAD_USER_INPUT") return badInput(apiErrors, status, resource);
  const message = first?.message ?? (error as Error)?.message ?? "ra.notification.http_error";
  return new HttpError(message, status, body);
}

export function errorCode(error: unknown): string | undefined {
  return ((error as HttpError)?.body as ErrorBody | undefined)?.code;
}

/** A BAD_USER_INPUT answer: each problem on the form field it names, worded for `resource`'s form when given. */
function badInput(apiErrors: ApiError[], status: number, resource?: string): HttpError {
  const first = apiErrors[0];
  const problems = apiErrors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? e.extensions.fields : []));
  const errors = fieldErrors(problems, resource ? (p) => formMessage(resource, p) : undefined);
  // The fields show the details; the notification says where to look.
  const summary = Object.keys(errors).length ? "directory.errors.invalid" : (first?.message ?? "directory.errors.invalid");
  const body: ErrorBody = { code: "BAD_USER_INPUT", details: apiErrors, errors: { ...errors, root: { serverError: summary } } };
  return new HttpError(first?.message ?? "Invalid input", status, body);
}

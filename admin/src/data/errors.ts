import { HttpError } from "react-admin";

/** A GraphQL error as the server sends it. */
export interface ApiError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, any>;
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

function apiErrorsOf(error: any): ApiError[] {
  for (const candidate of [error, error?.body, error?.cause]) {
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
export function fieldErrors(problems: { path?: unknown; message?: unknown }[]): Record<string, unknown> {
  const errors: Record<string, any> = {};
  for (const p of problems) {
    const path = Array.isArray(p.path) ? p.path.map(String) : [];
    const rest = path[0] === "input" ? path.slice(1) : path;
    if (rest.length === 0 || ["id", "version"].includes(rest[0])) continue;
    let node = errors;
    rest.slice(0, -1).forEach((key) => {
      node[key] = typeof node[key] === "object" && node[key] !== null ? node[key] : {};
      node = node[key];
    });
    const last = rest[rest.length - 1];
    if (node[last] === undefined) node[last] = String(p.message ?? "Invalid value");
  }
  return errors;
}

/** Any failure of a data or auth call → an HttpError with a status, the API's code and form errors. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError && (error.body as ErrorBody | null)?.code) return error;
  const inner = (error as any)?.body;
  if (inner instanceof HttpError && (inner.body as ErrorBody | null)?.code) return inner;
  const apiErrors = apiErrorsOf(error);
  const first = apiErrors[0];
  const httpStatus = Number((error as any)?.status ?? (error as any)?.networkError?.statusCode) || undefined;
  const code: string = first?.extensions?.code ?? (httpStatus === 401 ? "UNAUTHENTICATED" : httpStatus ? "NETWORK_ERROR" : "ERROR");
  const status = STATUS[code] ?? httpStatus ?? 500;
  const body: ErrorBody = { code, details: apiErrors };

  if (code === "CONFLICT") {
    body.currentVersion = first?.extensions?.currentVersion;
    body.errors = { root: { serverError: CONFLICT_NOTICE, conflict: CONFLICT_MESSAGE } };
    return new HttpError(CONFLICT_MESSAGE, status, body);
  }
  if (code === "BAD_USER_INPUT") {
    const problems = apiErrors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? e.extensions!.fields : []));
    const errors = fieldErrors(problems);
    // The fields show the details; the notification says where to look.
    const summary = Object.keys(errors).length ? "directory.errors.invalid" : (first?.message ?? "directory.errors.invalid");
    body.errors = { ...errors, root: { serverError: summary } };
    return new HttpError(first?.message ?? "Invalid input", status, body);
  }
  const message = first?.message ?? (error as Error)?.message ?? "ra.notification.http_error";
  return new HttpError(message, status, body);
}

export function errorCode(error: unknown): string | undefined {
  return ((error as HttpError)?.body as ErrorBody | undefined)?.code;
}

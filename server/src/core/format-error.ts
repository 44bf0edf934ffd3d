import { randomUUID } from "node:crypto";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isDirectoryError, type ErrorCode } from "./errors";
import { log } from "./logger";

/** Codes a client may see with the original message: everything the client itself caused. */
const CLIENT_CODES = new Set<string>([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/**
 * Refusals of a malformed request that Apollo's pipeline (or graphql-js under it) sends without a code,
 * typed here by their exact text so that they read as client errors, not INTERNAL_SERVER_ERROR.
 */
const UNCODED_APOLLO_REFUSALS: Record<string, { message: string; extensions: Record<string, unknown> }> = {
  "Unsupported persisted query version": {
    message: "Unsupported persisted query version: only extensions.persistedQuery.version 1 is supported",
    extensions: { code: "PERSISTED_QUERY_NOT_SUPPORTED" },
  },
  // graphql-js stops coercing variables after Apollo's 50th error and adds this one, uncoded.
  "Too many errors processing variables, error limit reached. Execution aborted.": {
    message: "Too many invalid variable values: the first 50 problems are listed above",
    extensions: { code: "BAD_USER_INPUT" },
  },
  "provided sha does not match query": {
    message: "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it",
    extensions: {
      code: "BAD_USER_INPUT",
      fields: [{ path: ["extensions", "persistedQuery", "sha256Hash"], message: "is not the SHA-256 of the query" }],
    },
  },
};

/** One of Apollo's uncoded request refusals: raised by the pipeline itself, not from a resolver. */
function apolloRefusal(error: unknown) {
  if (!(error instanceof GraphQLError) || error.originalError || error.path) return undefined;
  return Object.hasOwn(UNCODED_APOLLO_REFUSALS, error.message) ? UNCODED_APOLLO_REFUSALS[error.message] : undefined;
}

/**
 * Apollo formatError: typed client errors pass through; anything else becomes a generic
 * INTERNAL_SERVER_ERROR with an error id that is logged with the full error.
 */
export function createFormatError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDirectoryError(original)) {
      // `http` (a status for Apollo to send) is for the server, not for the client's JSON.
      const { http: _status, ...extensions } = original.extensions;
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    const refusal = apolloRefusal(original);
    if (refusal) return { message: refusal.message, extensions: refusal.extensions };
    const code = formatted.extensions?.code;
    // Errors from GraphQL itself (parse, validation, variable coercion) carry no originalError.
    if (
      typeof code === "string" &&
      CLIENT_CODES.has(code) &&
      (!(original instanceof Error) || original instanceof GraphQLError)
    ) {
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: exposeDetails ? formatted.extensions : extensions };
    }
    const errorId = randomUUID();
    log.error("unexpected error", { errorId, path: formatted.path, error: original });
    const internal: ErrorCode = "INTERNAL_SERVER_ERROR";
    return {
      message: `Internal server error (error id ${errorId}); the problem has been logged`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: exposeDetails
        ? { code: internal, errorId, detail: original instanceof Error ? original.message : String(original) }
        : { code: internal, errorId },
    };
  };
}

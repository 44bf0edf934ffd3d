import { GraphQLError } from "graphql";

/** Every `extensions.code` a client can receive (docs/API.md lists them). */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "GRAPHQL_VALIDATION_FAILED"
  | "UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/**
 * One problem with one input field: `path` names it as the client spelled it, e.g. ["input", "title"];
 * `rule`, when the problem breaks a named rule (a class-validator constraint such as `maxLength`, or
 * a rule between fields such as `feeNeedsCurrency`), lets a client word the problem its own way.
 */
export interface FieldProblem {
  path: string[];
  message: string;
  rule?: string;
}

abstract class DirectoryError extends GraphQLError {
  abstract readonly code: ErrorCode;
}

export class BadUserInputError extends DirectoryError {
  readonly code = "BAD_USER_INPUT" as const;
  constructor(message: string, fields: FieldProblem[] = []) {
    super(message, { extensions: { code: "BAD_USER_INPUT", fields } });
  }

  /** The usual case: one argument or input field is wrong (breaking `rule`, when it has a name). */
  static field(path: string[], message: string, rule?: string): BadUserInputError {
    return new BadUserInputError(`${path.join(".")}: ${message}`, [{ path, message, ...(rule ? { rule } : {}) }]);
  }
}

export class UnauthenticatedError extends DirectoryError {
  readonly code = "UNAUTHENTICATED" as const;
  constructor(
    message = "Sign in first: send Authorization: Bearer <token> from the login mutation",
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code: "UNAUTHENTICATED", ...extra } });
  }
}

export class ForbiddenError extends DirectoryError {
  readonly code = "FORBIDDEN" as const;
  constructor(message = "Your role does not allow this") {
    super(message, { extensions: { code: "FORBIDDEN" } });
  }
}

export class NotFoundError extends DirectoryError {
  readonly code = "NOT_FOUND" as const;
  constructor(entityType: string, key: string | number) {
    super(`${entityType} ${key} was not found`, { extensions: { code: "NOT_FOUND", entityType } });
  }
}

export class ConflictError extends DirectoryError {
  readonly code = "CONFLICT" as const;
  constructor(message: string, extra: { currentVersion?: number; field?: string } = {}) {
    super(message, { extensions: { code: "CONFLICT", ...extra } });
  }
}

/**
 * The server cannot do this now but will soon (a busy database, a heavy job already running):
 * retryable, with `retryAfterSeconds`, answered with HTTP 503 and a Retry-After header.
 */
export class UnavailableError extends DirectoryError {
  readonly code = "UNAVAILABLE" as const;
  constructor(message: string, retryAfterSeconds = 5) {
    super(message, {
      extensions: {
        code: "UNAVAILABLE",
        retryAfterSeconds,
        http: { status: 503, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
      },
    });
  }
}

export class InternalError extends DirectoryError {
  readonly code = "INTERNAL_SERVER_ERROR" as const;
  constructor(errorId: string) {
    super(`Internal server error (error id ${errorId}); the problem has been logged`, {
      extensions: { code: "INTERNAL_SERVER_ERROR", errorId },
    });
  }
}

export function isDirectoryError(e: unknown): e is DirectoryError {
  return e instanceof DirectoryError;
}

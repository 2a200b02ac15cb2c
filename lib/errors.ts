// Expected errors: their messages are written for the user and may be shown as they are.
// Anything else is logged with a request id and the user sees a generic message.
// A message may be a catalog key (lib/i18n/message-key.ts): the action and route wrappers translate it into
// the reader's language, the public API into English.
import type { Messages } from "@/lib/i18n/catalog";
import { messageKey } from "@/lib/i18n/message-key";

export type ErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** What was not found: each has its own sentence (errors.json's missing), so each language can say it its way. */
export type NotFoundSubject = keyof Messages["errors"]["missing"];

export class NotFoundError extends AppError {
  /** `what`: the thing that was not found, or a message of its own (a message key); none: "That item was not found." */
  constructor(what?: NotFoundSubject | { message: string }) {
    super(
      "NOT_FOUND",
      what === undefined
        ? messageKey("errors.notFound")
        : typeof what === "string"
          ? messageKey(`errors.missing.${what}`)
          : what.message,
    );
  }
}

export class ForbiddenError extends AppError {
  constructor(message = messageKey("errors.forbidden")) {
    super("FORBIDDEN", message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super("UNAUTHENTICATED", messageKey("errors.sessionExpired"));
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fieldErrors?: Record<string, string[]>) {
    super("VALIDATION", message, fieldErrors);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string) {
    super("RATE_LIMITED", message);
  }
}

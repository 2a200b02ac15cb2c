// Route handlers answer expected errors with their status and message; anything else is logged.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function jsonError(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message } }, { status: STATUS[error.code] });
  }
  const requestId = randomUUID();
  logger.error("route handler failed", { requestId, error });
  return Response.json({ error: { code: "INTERNAL", message: `Something went wrong (reference ${requestId}).` } }, { status: 500 });
}

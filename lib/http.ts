// Route handlers answer expected errors with their status and message; anything else is logged.
import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ZodError } from "zod";
import { AppError, ForbiddenError, ValidationError, type ErrorCode } from "@/lib/errors";
import { env } from "@/lib/env";
import { messageKey } from "@/lib/i18n/message-key";
import { englishTranslator, type RequestTranslator } from "@/lib/i18n/translator";
import { logger } from "@/lib/logger";
import { currentLogContext } from "@/lib/observability/context";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

function isNulRefusal(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { code?: string; message?: string } } } } | null)
    ?.meta?.driverAdapterError?.cause;
  return cause?.code === "22021" && /0x00/.test(cause.message ?? "");
}

/**
 * `t` answers in the reader's language (the dashboard's route wrapper passes the request's translator);
 * without it, English.
 */
export function jsonError(error: unknown, t: RequestTranslator = englishTranslator): Response {
  // A query string a schema refused (`.parse` in a route) is the caller's mistake, not the server's.
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const message = issue
      ? `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`
      : t("errors.invalidRequest");
    return Response.json({ error: { code: "VALIDATION", message } }, { status: 400 });
  }
  if (error instanceof AppError) {
    // Field errors (a refused query string, a form field) are listed beside the message, as actions do.
    const { code } = error;
    const message = t.message(error.message);
    const fieldErrors =
      error.fieldErrors &&
      Object.fromEntries(Object.entries(error.fieldErrors).map(([field, list]) => [field, list.map(t.message)]));
    return Response.json({ error: { code, message, ...(fieldErrors && { fieldErrors }) } }, { status: STATUS[code] });
  }
  // A NUL byte that reached a query (PostgreSQL refuses it in text: 22021) came from the request.
  if (isNulRefusal(error))
    return Response.json({ error: { code: "VALIDATION", message: t("errors.nul") } }, { status: 400 });
  // The request's own id when a wrapper set one (withLogContext), so the reference matches its other lines.
  const requestId = currentLogContext()?.requestId ?? randomUUID();
  logger.error("route handler failed", { requestId, error });
  return Response.json(
    { error: { code: "INTERNAL", message: t("errors.internal", { reference: requestId }) } },
    { status: 500 },
  );
}

/**
 * Refuses a state-changing request another site's page made with the visitor's cookie (CSRF). Server
 * actions get this from Next.js; route handlers that write with a cookie session call it first. A
 * browser sends `Origin` with every POST (and `Sec-Fetch-Site` with every request); a caller without
 * either is not a browser and carries no one else's cookie by accident.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    if (site === null || site === "same-origin" || site === "none") return;
    throw new ForbiddenError(messageKey("errors.crossSite"));
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ForbiddenError(messageKey("errors.crossSite")); // "null" (sandboxed frames, file:)
  }
  const allowed = new Set([
    new URL(env().APP_URL).host,
    new URL(request.url).host,
    request.headers.get("host"),
    request.headers.get("x-forwarded-host"),
  ]);
  if (!allowed.has(host)) throw new ForbiddenError(messageKey("errors.crossSite"));
}

/**
 * A request's body, read up to `maxBytes` and refused beyond: counted as it arrives, since a
 * `Content-Length` header may be missing (chunked) or lie, and `request.formData()` would buffer
 * whatever comes. Reading stops at the first byte too many.
 */
export async function readBodyCapped(
  request: Request,
  maxBytes: number,
  tooLarge: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new ValidationError(tooLarge);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ValidationError(tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * A Node request's whole body, or null as soon as it is known to be larger than `limit` bytes (the rest is
 * read and dropped, so the caller can still answer; answer with `connection: close`).
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

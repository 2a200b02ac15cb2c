// The one wrapper every public API route goes through: the key authenticated (Bearer), the call counted
// against the key's rate limit, the operation's scope checked, path, query and body parsed with the
// operation's zod schemas, and every error answered as RFC 9457 problem JSON. Nothing reaches a 500 but a bug.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/service";
import { AppError } from "@/lib/errors";
import { readBodyCapped } from "@/lib/http";
import { englishTranslator } from "@/lib/i18n/translator";
import { hasNul, NUL_MESSAGE } from "@/lib/ids";
import { addLogContext, logger, withLogContext } from "@/lib/logger";
import { authenticateApiKey, type ApiCaller, type KeyRefusal } from "./keys";
import type { Operation } from "./operation";
import { fieldErrors, problem, type FieldError } from "./problem";
import { consumeRate, rateHeaders } from "./rate-limit";

/** Request bodies are capped: a batch of 1,000 contacts fits well within it. */
export const MAX_BODY_BYTES = 1024 * 1024;

const STATUS: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

const REFUSALS: Record<KeyRefusal, string> = {
  missing: "Send your API key in the Authorization header: `Authorization: Bearer pk_…`.",
  malformed: "The Authorization header does not hold a Parley API key (`Bearer pk_…`).",
  unknown: "This API key is not known. Check that it was copied whole, or create a new one in Settings → API.",
  revoked: "This API key was revoked. Create a new one in Settings → API.",
  expired: "This API key has expired. Create a new one in Settings → API.",
};

export type ApiContext<P, Q, B> = {
  caller: ApiCaller;
  params: P;
  query: Q;
  body: B;
  request: Request;
  requestId: string;
  idempotencyKey: string | null;
};

/** An expected refusal from inside an operation, with its status and machine-readable code. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

function parsePart<S extends z.ZodType | undefined>(
  schema: S,
  value: unknown,
  prefix: string,
): Parsed<S extends z.ZodType ? z.output<S> : undefined> {
  if (!schema) return { ok: true, data: undefined as never };
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, data: parsed.data as never }
    : { ok: false, errors: fieldErrors(parsed.error, prefix) };
}

/** The first string in a JSON value that holds a NUL (PostgreSQL cannot store it), as a field path. */
function nulField(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return hasNul(value) ? path.join(".") || "body" : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = hasNul(key) ? [...path, key].join(".") : nulField(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    return {
      ok: false,
      response: problem(415, "Send the body as JSON with `Content-Type: application/json`.", {
        code: "unsupported_media_type",
      }),
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBodyCapped(request, MAX_BODY_BYTES, "too large");
  } catch {
    return {
      ok: false,
      response: problem(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KiB. Send fewer items per call.`, {
        code: "body_too_large",
      }),
    };
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.from(bytes).toString("utf8")) };
  } catch (error) {
    return {
      ok: false,
      response: problem(400, `The body is not valid JSON: ${(error as Error).message}`, { code: "invalid_json" }),
    };
  }
}

export function apiRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  op: Operation<P, Q, B, R>,
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R> | Response>,
) {
  const run = async (
    request: Request,
    context: { params: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    const requestId = randomUUID();
    addLogContext({ requestId, operation: op.id });
    let headers: Record<string, string> = { "X-Request-Id": requestId };
    const answer = (response: Response) => {
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      return response;
    };
    try {
      const authorization = request.headers.get("authorization");
      const presented = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? (authorization ? "" : null);
      const caller = await authenticateApiKey(presented);
      if (caller.workspaceId) addLogContext({ workspaceId: caller.workspaceId });
      // A known key's calls count against its limit whether or not they are allowed, so a client looping
      // with a revoked key gets 429s, not an audit entry per call.
      if (caller.keyId) {
        const rate = await consumeRate(caller.keyId);
        headers = { ...headers, ...rateHeaders(rate) };
        if (!rate.allowed) {
          return answer(
            problem(
              429,
              `This key made more than ${rate.limit} calls in a second. Try again in ${rate.resetSeconds} s.`,
              { code: "rate_limited" },
            ),
          );
        }
      }
      if ("refused" in caller) {
        if (caller.keyId && caller.workspaceId) {
          await recordAudit(caller.workspaceId, null, {
            action: "api_key.use_denied",
            targetType: "api_key",
            targetId: caller.keyId,
            details: { reason: caller.refused, operation: op.id },
          });
        }
        headers["WWW-Authenticate"] = 'Bearer realm="parley"';
        return answer(problem(401, REFUSALS[caller.refused], { code: `key_${caller.refused}` }));
      }
      if (!caller.scopes.includes(op.scope)) {
        await recordAudit(caller.workspaceId, null, {
          action: "api_key.use_denied",
          targetType: "api_key",
          targetId: caller.keyId,
          details: { reason: "missing_scope", scope: op.scope, operation: op.id },
        });
        return answer(
          problem(403, `This key does not have the "${op.scope}" scope that ${op.method} ${op.path} needs.`, {
            code: "missing_scope",
            scope: op.scope,
          }),
        );
      }
      const params = parsePart(op.params, await context.params, "path");
      if (!params.ok)
        return answer(problem(404, "Nothing was found at this address.", { code: "not_found", errors: params.errors }));
      const url = new URL(request.url);
      const query = parsePart(op.query, Object.fromEntries(url.searchParams), "query");
      let body: Parsed<unknown> = { ok: true, data: undefined };
      let raw: unknown;
      if (op.body) {
        const read = await readJson(request);
        if (!read.ok) return answer(read.response);
        raw = read.value;
        const nul = nulField(raw);
        if (nul)
          return answer(
            problem(422, NUL_MESSAGE, { code: "validation", errors: [{ field: nul, message: NUL_MESSAGE }] }),
          );
        body = parsePart(op.body, raw, "");
      }
      const errors = [...(query.ok ? [] : query.errors), ...(body.ok ? [] : body.errors)];
      if (errors.length) {
        return answer(
          problem(422, `The request is not valid: ${errors[0]!.field}: ${errors[0]!.message}`, {
            code: "validation",
            errors,
          }),
        );
      }
      const idempotencyKey = op.idempotent ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
        return answer(
          problem(
            422,
            "The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice).",
            {
              code: "validation",
              errors: [{ field: "header.Idempotency-Key", message: "1 to 255 visible ASCII characters" }],
            },
          ),
        );
      }
      const result = await handler({
        caller,
        params: params.data as z.output<P>,
        query: (query as { data: z.output<Q> }).data,
        body: (body as { data: z.output<B> }).data,
        request,
        requestId,
        idempotencyKey,
      });
      return answer(result instanceof Response ? result : Response.json(result, { status: op.status ?? 200 }));
    } catch (error) {
      if (error instanceof ApiProblem)
        return answer(problem(error.status, error.message, { code: error.code, ...error.extra }));
      if (error instanceof AppError) {
        const errors =
          error.fieldErrors &&
          Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
            messages.map((message) => ({ field, message: englishTranslator.message(message) })),
          );
        return answer(
          // Machines read English: a message key (lib/i18n/message-key.ts) becomes its English words.
          problem(STATUS[error.code], englishTranslator.message(error.message), {
            code: error.code.toLowerCase(),
            ...(errors?.length ? { errors } : {}),
          }),
        );
      }
      if (error instanceof z.ZodError)
        return answer(problem(422, "The request is not valid.", { code: "validation", errors: fieldErrors(error) }));
      logger.error("public API call failed", { requestId, operation: op.id, error });
      return answer(problem(500, `Something went wrong on our side (reference ${requestId}).`, { code: "internal" }));
    }
  };
  // Every line logged while the call runs carries its request id, operation and (once known) workspace.
  return (request: Request, context: { params: Promise<Record<string, string | string[]>> }) =>
    withLogContext({}, () => run(request, context));
}

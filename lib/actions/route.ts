// The one wrapper every dashboard route handler (app/api/v1/**) goes through, beside the action wrapper:
// another site's writes refused, session and role checked (fail closed), the path's params and the query
// string parsed with zod, and every error answered as `{ error: { code, message, fieldErrors? } }` with its
// status (lib/http.ts). The public API, with keys and problem JSON, has its own wrapper (lib/api/handler.ts).
import "server-only";
import { z } from "zod";
import { requirePermission, type CurrentUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertSameOrigin, jsonError } from "@/lib/http";
import { requestTranslator } from "@/lib/i18n/server";
import { messageKey } from "@/lib/i18n/message-key";
import { zodErrorMap } from "@/lib/i18n/zod";
import { idSchema } from "@/lib/ids";
import { fieldErrorsOf } from "./action";

/** Params for a `[id]` segment: an id that cannot name a row is answered as not found, before any query. */
export const idParams = z.object({ id: idSchema });

type RouteInput<P, Q> = {
  user: CurrentUser;
  workspaceId: string;
  params: P;
  query: Q;
  request: Request;
};

type Config<P extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  permission: Permission;
  /** The dynamic segments; a value that does not parse answers 404 (a path that names nothing). */
  params?: P;
  /** The query string as an object of strings; a value that does not parse answers 400 with field errors. */
  query?: Q;
};

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What Next.js passes a route handler; optional so that tests (and routes without segments) may omit it. */
type NextContext = { params?: Promise<Record<string, string | string[] | undefined>> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A route handler from `handler`, which gets the signed-in member (and their workspace, which every service
 * takes first) and the parsed params and query. It returns a Response (files, CSV, a 201) or a value sent
 * as JSON.
 */
export function dashboardRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  config: Config<P, Q>,
  handler: (input: RouteInput<Output<P>, Output<Q>>) => Promise<Response | object>,
): (request: Request, context?: NextContext) => Promise<Response> {
  return async (request, context) => {
    // Messages in the reader's language, as the action wrapper answers (lib/i18n/server.ts).
    const t = await requestTranslator();
    try {
      // Cookie-session writes are refused from other sites first (CSRF), before anything else is read.
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      const user = await requirePermission(config.permission);
      let params: unknown;
      if (config.params) {
        const parsed = config.params.safeParse((await context?.params) ?? {});
        if (!parsed.success) throw new NotFoundError();
        params = parsed.data;
      }
      let query: unknown;
      if (config.query) {
        const parsed = config.query.safeParse(Object.fromEntries(new URL(request.url).searchParams), {
          error: zodErrorMap(t.locale),
        });
        if (!parsed.success) {
          // The schemas' messages are written for the user; the first says what to fix, all are listed.
          throw new ValidationError(
            parsed.error.issues[0]?.message ?? messageKey("errors.invalidRequest"),
            fieldErrorsOf(parsed.error),
          );
        }
        query = parsed.data;
      }
      const result = await handler({
        user,
        workspaceId: user.workspaceId,
        params: params as Output<P>,
        query: query as Output<Q>,
        request,
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return jsonError(error, t);
    }
  };
}

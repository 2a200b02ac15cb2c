// The one wrapper every server action goes through: session, role and workspace checked on the server
// (fail closed), input parsed with zod, and a result the form can show.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { requirePermission, type CurrentUser } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, type ErrorCode } from "@/lib/errors";
import { zodErrorMap } from "@/lib/i18n/zod";
import { requestTranslator } from "@/lib/i18n/server";
import { hasNul } from "@/lib/ids";
import { addLogContext, logger, withLogContext } from "@/lib/logger";
import { traced } from "@/lib/observability/spans";

export type ActionError = { code: ErrorCode | "INTERNAL"; message: string; fieldErrors?: Record<string, string[]> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** Each field's messages; `translate` turns message keys (lib/i18n/message-key.ts) into the reader's words. */
export function fieldErrorsOf(
  error: z.ZodError,
  translate: (message: string) => string = (message) => message,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "form"] ??= []).push(translate(issue.message));
  return out;
}

/** Where in an action's input a NUL character stands ("a.b.0"), or null. PostgreSQL refuses NUL in text. */
function nulPath(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return hasNul(value) ? path : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasNul(key)) return path;
    const found = nulPath(item, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function action<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, user: CurrentUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  const run = async (input: z.input<S>, requestId: string): Promise<ActionResult<T>> => {
    // Its own messages, keyed messages from schemas and AppErrors, and zod's built-in ones: in the reader's
    // language (lib/i18n/server.ts).
    const t = await requestTranslator();
    try {
      const user = await requirePermission(permission);
      addLogContext({ workspaceId: user.workspaceId });
      const nul = nulPath(input);
      if (nul !== null) {
        const message = t("errors.nul");
        return { ok: false, error: { code: "VALIDATION", message, fieldErrors: { [nul || "form"]: [message] } } };
      }
      const parsed = schema.safeParse(input, { error: zodErrorMap(t.locale) });
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: "VALIDATION",
            message: t("errors.checkFields"),
            fieldErrors: fieldErrorsOf(parsed.error, t.message),
          },
        };
      }
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof AppError) {
        const fieldErrors =
          error.fieldErrors &&
          Object.fromEntries(Object.entries(error.fieldErrors).map(([field, list]) => [field, list.map(t.message)]));
        return { ok: false, error: { code: error.code, message: t.message(error.message), fieldErrors } };
      }
      logger.error("server action failed", { requestId, permission, error });
      return { ok: false, error: { code: "INTERNAL", message: t("errors.internal", { reference: requestId }) } };
    }
  };
  // A span per action (Next.js's own span is the page's POST) and its ids on every line it logs.
  return (input) => {
    const requestId = randomUUID();
    return withLogContext({ requestId }, () => traced(`action ${permission}`, () => run(input, requestId)));
  };
}

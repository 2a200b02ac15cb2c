// RFC 9457 problem details: every error the public API answers, with field errors where input was refused.
import type { z } from "zod";

export type FieldError = { field: string; message: string };

export const PROBLEM_TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Request too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problem(
  status: number,
  detail: string,
  extra: { code?: string; errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
): Response {
  const { headers, code, ...rest } = extra;
  const body = {
    type: `https://parley.dev/problems/${code ?? status}`,
    title: PROBLEM_TITLES[status] ?? "Error",
    status,
    detail,
    ...(code ? { code } : {}),
    ...rest,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

export function fieldErrors(error: z.ZodError, prefix = ""): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body",
    message: issue.message,
  }));
}

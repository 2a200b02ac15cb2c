// A public API operation: its method and path, the scope it needs, and the zod schemas of its path
// parameters, query, body and answer. Route handlers run it (lib/api/handler.ts) and the OpenAPI document
// is generated from the same definitions (lib/api/openapi.ts): one source for both.
import type { z } from "zod";
import type { ApiScope } from "./scopes";

export type Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI style, under the public prefix: "/contacts/{id}". */
  path: string;
  scope: ApiScope;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** The success status (200 unless said). */
  status?: number;
  /** Takes an Idempotency-Key header: the same key and body answer the first answer again. */
  idempotent?: boolean;
};

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  op: Operation<P, Q, B, R>,
): Operation<P, Q, B, R> {
  return op;
}

/** Where the public API lives: versioned, apart from the dashboard's own routes (/api/v1). */
export const API_PREFIX = "/api/public/v1";

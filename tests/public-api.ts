// Calling public API route handlers in integration tests, as a client would: with a real API key of the
// test's own workspace in `Authorization: Bearer`.
import { createApiKey } from "@/lib/api/keys";
import type { ApiScope } from "@/lib/api/scopes";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export async function apiKeyFor(workspaceId: string, scopes: ApiScope[]): Promise<string> {
  const { key } = await createApiKey(workspaceId, null, {
    name: `Test key ${scopes.join(" ")}`,
    scopes,
    expiresAt: null,
  });
  return key;
}

/** Calls a route handler; `path` may carry a query string. Answers the status and the parsed JSON body. */
export async function callApi(
  handler: Handler,
  key: string,
  options: { method?: string; path?: string; body?: unknown; params?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever JSON came back
): Promise<{ status: number; body: any; headers: Headers }> {
  const request = new Request(`http://localhost/api/public/v1${options.path ?? "/"}`, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers: {
      authorization: `Bearer ${key}`,
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

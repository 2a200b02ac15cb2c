import { buildOpenApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

let cached: { appUrl: string; body: string } | null = null;

/** The OpenAPI 3.1 document of the public API. Public: it describes the API, it holds no data. */
export async function GET() {
  const appUrl = env().APP_URL;
  if (cached?.appUrl !== appUrl) cached = { appUrl, body: JSON.stringify(buildOpenApiDocument(appUrl)) };
  return new Response(cached.body, {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}

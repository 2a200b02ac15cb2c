import { answerScrape } from "@/lib/observability/endpoint";

export const dynamic = "force-dynamic";

/** Prometheus metrics, for a scraper holding PARLEY_METRICS_TOKEN (docs/observability.md). */
export async function GET(request: Request) {
  const answer = await answerScrape(request.headers.get("authorization"), true);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

import { answerHandshake, readBodyWithin, receiveWebhook } from "@/lib/webhooks/ingest";

export const dynamic = "force-dynamic";

/** Meta's subscription handshake: echo the challenge only for a verify token we issued. */
export async function GET(request: Request) {
  const { status, body } = await answerHandshake(new URL(request.url).searchParams);
  return new Response(body, { status });
}

/** Raw bytes → the named account's signature → durable insert → 200 (503 without a database). Processing happens in the worker. */
export async function POST(request: Request) {
  const body = await readBodyWithin(request);
  if (!body) return new Response("Payload too large (3 MB at most)", { status: 413 });
  const result = await receiveWebhook(body, request.headers.get("x-hub-signature-256"));
  return new Response(result.message, { status: result.status });
}

import { readBodyWithin, receiveWebhook, verifyToken } from "@/lib/webhooks/ingest";

export const dynamic = "force-dynamic";

/** Meta's subscription handshake: echo the challenge only for a verify token we issued. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const ok = params.get("hub.mode") === "subscribe" && (await verifyToken(params.get("hub.verify_token")));
  return ok ? new Response(params.get("hub.challenge") ?? "", { status: 200 }) : new Response("Forbidden", { status: 403 });
}

/** Raw bytes → signature check → durable insert → 200. Processing happens in the worker. */
export async function POST(request: Request) {
  const body = await readBodyWithin(request);
  if (!body) return new Response("Payload too large (3 MB at most)", { status: 413 });
  const result = await receiveWebhook(body, request.headers.get("x-hub-signature-256"));
  return new Response(result.message, { status: result.status });
}

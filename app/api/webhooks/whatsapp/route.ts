import { MAX_WEBHOOK_BYTES, receiveWebhook, verifyToken } from "@/lib/webhooks/ingest";

export const dynamic = "force-dynamic";

/** Meta's subscription handshake: echo the challenge only for a verify token we issued. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const ok = params.get("hub.mode") === "subscribe" && (await verifyToken(params.get("hub.verify_token")));
  return ok ? new Response(params.get("hub.challenge") ?? "", { status: 200 }) : new Response("Forbidden", { status: 403 });
}

/** Raw bytes → signature check → durable insert → 200. Processing happens in the worker. */
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return new Response("Payload too large", { status: 413 });
  const body = Buffer.from(await request.arrayBuffer());
  const result = await receiveWebhook(body, request.headers.get("x-hub-signature-256"));
  return new Response(result.message, { status: result.status });
}

// WhatsApp Flows' data-exchange endpoint for one workspace (the URL Settings → Flows endpoint shows): the raw
// body's X-Hub-Signature-256 with the app secret of the workspace's WhatsApp account, then lib/flows decrypts,
// answers and encrypts. The answer is base64 text.
import { randomUUID } from "node:crypto";
import { answerEncrypted } from "@/lib/flows/endpoint";
import { endpointSecrets } from "@/lib/flows/endpoint-keys";
import { logger } from "@/lib/logger";
import { readBodyWithin } from "@/lib/webhooks/ingest";
import { verifySignature } from "@/lib/webhooks/signature";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024; // a request is a few KB; Meta's Flow data is small
const reply = (status: number, body = "") =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function POST(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  try {
    const body = await readBodyWithin(request, MAX_BODY_BYTES);
    if (!body) return reply(413, "Payload too large");
    const header = request.headers.get("x-hub-signature-256");
    // No account (so no app secret) or no key: 421, Meta's "cannot decrypt", on which WhatsApp re-fetches the
    // public key and retries. It is the true state of a workspace whose key is not generated or registered yet,
    // and an unknown id answers the same, so the status says nothing about which workspaces exist.
    let secrets = await endpointSecrets(workspaceId);
    if (!secrets) return reply(421);
    if (!verifySignature(body, header, secrets.appSecret)) {
      // An app secret changed in another process within the cache's life: look once more before refusing.
      secrets = await endpointSecrets(workspaceId, true);
      if (!secrets) return reply(421);
      if (!verifySignature(body, header, secrets.appSecret)) return reply(432);
    }
    const { status, body: text } = await answerEncrypted(workspaceId, body, secrets);
    return reply(status, text);
  } catch (error) {
    const reference = randomUUID();
    logger.error("Flows data-exchange endpoint failed", { workspaceId, reference, error });
    return reply(500, `Internal error (reference ${reference})`);
  }
}

// The data-exchange endpoint between the HTTP route and the booking logic: the raw body decrypted with the
// workspace's private key, answered (lib/flows/exchange.ts), the answer encrypted. Statuses are Meta's:
// 421 a request that cannot be decrypted (WhatsApp re-fetches the public key and retries), 427 a flow token no
// longer valid, 400 a body that is not Meta's envelope or not a data-API request. The signature (432) is checked
// before this, by the route, with the app secret endpointSecrets returns.
import "server-only";
import { decryptExchangeRequest, encryptExchangeResponse, ExchangeDecryptError } from "./exchange-crypto";
import { endpointSecrets, type EndpointSecrets } from "./endpoint-keys";
import { answerExchange } from "./exchange";

export type EndpointReply = { status: 200 | 400 | 421 | 427; body: string };

const KEY_FAILURE: EndpointReply = { status: 421, body: "" };

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

// decryptExchangeRequest types its key as PEM text, but hands it to node:crypto's privateDecrypt, which takes
// a parsed KeyObject as well: passing the one parsed at load saves the PEM parse on every request.
const parsedKey = (secrets: EndpointSecrets) => secrets.privateKey as unknown as string;

/** Decrypts with the key in `secrets`, or, if that key fails, with a fresher copy of it (rotated elsewhere). */
async function decrypt(workspaceId: string, envelope: unknown, secrets: EndpointSecrets) {
  try {
    return decryptExchangeRequest(envelope, parsedKey(secrets));
  } catch (error) {
    if (!(error instanceof ExchangeDecryptError) || error.reason !== "key") throw error;
    const again = await endpointSecrets(workspaceId, true);
    if (!again || again.privateKeyPem === secrets.privateKeyPem) throw error;
    return decryptExchangeRequest(envelope, parsedKey(again));
  }
}

/** Answers a request whose signature the caller has verified against `secrets.appSecret`. */
export async function answerEncrypted(
  workspaceId: string,
  raw: Buffer,
  secrets: EndpointSecrets,
): Promise<EndpointReply> {
  let opened: Awaited<ReturnType<typeof decrypt>>;
  try {
    opened = await decrypt(workspaceId, parseJson(raw), secrets);
  } catch (error) {
    if (!(error instanceof ExchangeDecryptError)) throw error;
    // "payload": the key unwrapped but the data did not authenticate. Meta's contract has one answer for a
    // request that cannot be decrypted, 421; only a body that is not its envelope at all is a plain 400.
    return error.reason === "malformed"
      ? { status: 400, body: "Not a WhatsApp Flows data-exchange request" }
      : KEY_FAILURE;
  }
  const outcome = await answerExchange(workspaceId, opened.payload);
  if (outcome.kind === "invalid_token") return { status: 427, body: "" };
  if (outcome.kind === "bad_request") return { status: 400, body: "Not a WhatsApp Flows data API request" };
  return { status: 200, body: encryptExchangeResponse(outcome.body, opened.aesKey, opened.iv) };
}

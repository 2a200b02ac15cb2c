// The webhook endpoint as Meta calls it: the handshake, the signature over raw bytes, the size limit,
// and a 200 only once the delivery is stored byte for byte.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signBody } from "@/lib/webhooks/signature";
import { createWorkspace } from "@/tests/factories";
import { APP_SECRET, connectAccount, VERIFY_TOKEN } from "@/tests/whatsapp";
import { GET, POST } from "./route";

const url = "http://localhost/api/webhooks/whatsapp";

beforeAll(async () => {
  await connectAccount((await createWorkspace(["ADMIN"])).workspace.id);
});

const stored = (raw: Buffer) =>
  db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "WebhookDelivery" WHERE "rawBody" = ${raw}`.then((r) => Number(r[0]!.n));

describe("GET /api/webhooks/whatsapp", () => {
  it("answers the challenge for our verify token only", async () => {
    const ok = await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const wrong = await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`));
    expect(wrong.status).toBe(403);
  });
});

describe("POST /api/webhooks/whatsapp", () => {
  // Odd spacing on purpose: the bytes as sent are what is signed and stored, not re-serialised JSON.
  const raw = Buffer.from('{"object":"whatsapp_business_account",  "entry":[{"id":"1","changes":[]}] }');

  it("stores the exact bytes and only then answers 200", async () => {
    const response = await POST(new Request(url, { method: "POST", body: raw, headers: { "x-hub-signature-256": signBody(raw, APP_SECRET) } }));
    expect(response.status).toBe(200);
    expect(await stored(raw)).toBe(1);
  });

  it("refuses a wrong or missing signature with 401 and stores nothing", async () => {
    const other = Buffer.from(`${raw.toString()} `);
    const forged = await POST(new Request(url, { method: "POST", body: other, headers: { "x-hub-signature-256": signBody(other, "not-the-secret") } }));
    const unsigned = await POST(new Request(url, { method: "POST", body: other }));
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    expect(await stored(other)).toBe(0);
  });

  it("refuses a body over 3 MB with 413", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 1, 0x20);
    const response = await POST(new Request(url, { method: "POST", body: big, headers: { "x-hub-signature-256": signBody(big, APP_SECRET) } }));
    expect(response.status).toBe(413);
  });
});

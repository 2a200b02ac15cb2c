// The webhook endpoint as Meta calls it: the handshake, the signature of the account the body names over
// raw bytes, the size limit, and a 200 only once the delivery is stored byte for byte.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { forgetWebhookSecrets } from "@/lib/webhooks/ingest";
import { signBody } from "@/lib/webhooks/signature";
import { envelope, statusChange, type NumberRef } from "@/lib/whatsapp/webhook-payloads";
import { createWorkspace } from "@/tests/factories";
import { APP_SECRET, connectAccount, VERIFY_TOKEN } from "@/tests/whatsapp";
import { GET, POST } from "./route";

const url = "http://localhost/api/webhooks/whatsapp";
let number: NumberRef;

beforeAll(async () => {
  number = await connectAccount((await createWorkspace(["ADMIN"])).workspace.id);
});

const stored = (raw: Buffer) =>
  db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "WebhookDelivery" WHERE "rawBody" = ${raw}`.then((r) =>
    Number(r[0]!.n),
  );
const send = (raw: Buffer, secret: string | null) =>
  POST(
    new Request(url, {
      method: "POST",
      body: new Uint8Array(raw),
      headers: secret ? { "x-hub-signature-256": signBody(raw, secret) } : {},
    }),
  );

describe("GET /api/webhooks/whatsapp", () => {
  it("answers the challenge for our verify token only", async () => {
    const ok = await GET(
      new Request(`${url}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`),
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const wrong = await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`));
    expect(wrong.status).toBe(403);
  });
});

describe("POST /api/webhooks/whatsapp", () => {
  // Odd spacing on purpose: the bytes as sent are what is signed and stored, not re-serialised JSON.
  const raw = () =>
    Buffer.from(`{"object":"whatsapp_business_account",  "entry":[{"id":"${number.wabaId}","changes":[]}] }`);

  it("stores the exact bytes and only then answers 200", async () => {
    const body = raw();
    expect((await send(body, APP_SECRET)).status).toBe(200);
    expect(await stored(body)).toBe(1);
  });

  it("refuses a wrong or missing signature with 401 and stores nothing", async () => {
    const other = Buffer.from(`${raw().toString()} `);
    const forged = await send(other, "not-the-secret");
    const unsigned = await send(other, null);
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    expect(await stored(other)).toBe(0);
  });

  it("refuses a body for an account nobody connected (403) and one that names no account (400), storing neither", async () => {
    const stranger = Buffer.from(
      JSON.stringify(
        envelope("123456789", [
          statusChange({ wabaId: "123456789", phoneNumberId: "987654321", displayPhoneNumber: "1555" }, [
            { wamid: "wamid.s", status: "sent", at: new Date(), recipient: "1" },
          ]),
        ]),
      ),
    );
    const nothing = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    const response = await send(stranger, APP_SECRET);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("No connected WhatsApp account for phone number 987654321");
    expect((await send(nothing, APP_SECRET)).status).toBe(400);
    expect((await send(Buffer.from("not json"), APP_SECRET)).status).toBe(400);
    expect((await stored(stranger)) + (await stored(nothing))).toBe(0);
  });

  it("refuses a body naming workspace B signed with workspace A's secret (each account's own secret only)", async () => {
    const secretB = "workspace-b-app-secret";
    const b = await connectAccount((await createWorkspace(["ADMIN"])).workspace.id, secretB);
    const forB = (extra: string) =>
      Buffer.from(
        JSON.stringify(
          envelope(b.wabaId, [
            statusChange(b, [{ wamid: `wamid.b.${extra}`, status: "sent", at: new Date(), recipient: "34610000001" }]),
          ]),
        ),
      );
    // Signed with A's secret: refused, even though A's secret is a valid secret of this Parley.
    const withA = forB("a");
    expect((await send(withA, APP_SECRET)).status).toBe(401);
    expect(await stored(withA)).toBe(0);
    // The same shape with B's own secret is accepted.
    const withB = forB("b");
    expect((await send(withB, secretB)).status).toBe(200);
    expect(await stored(withB)).toBe(1);
    // A WABA-level change (template events name the entry's WABA only) is held to that WABA's secret too.
    const wabaLevel = Buffer.from(
      JSON.stringify({
        object: "whatsapp_business_account",
        entry: [{ id: b.wabaId, changes: [{ field: "account_update", value: { event: "ACCOUNT_VIOLATION" } }] }],
      }),
    );
    expect((await send(wabaLevel, APP_SECRET)).status).toBe(401);
    expect((await send(wabaLevel, secretB)).status).toBe(200);
    // One delivery naming both accounts verifies for each, so no single secret passes it.
    const both = Buffer.from(
      JSON.stringify({
        object: "whatsapp_business_account",
        entry: [
          { id: number.wabaId, changes: [] },
          { id: b.wabaId, changes: [] },
        ],
      }),
    );
    expect([(await send(both, APP_SECRET)).status, (await send(both, secretB)).status]).toEqual([401, 401]);
    expect(await stored(both)).toBe(0);
  });

  it("keeps taking every other account's webhooks when one account's stored secret cannot be read (503 for that one only)", async () => {
    const broken = await connectAccount((await createWorkspace(["ADMIN"])).workspace.id, "secret-of-broken");
    // As if saved under another ENCRYPTION_KEY.
    await db.whatsAppAccount.update({
      where: { phoneNumberId: broken.phoneNumberId },
      data: { appSecretEncrypted: "v1:not:readable", verifyTokenEncrypted: "v1:not:readable" },
    });
    forgetWebhookSecrets();
    const ours = Buffer.from(`${raw().toString()}  `);
    expect((await send(ours, APP_SECRET)).status).toBe(200);
    expect(await stored(ours)).toBe(1);
    const theirs = Buffer.from(
      JSON.stringify(
        envelope(broken.wabaId, [
          statusChange(broken, [{ wamid: "wamid.broken", status: "sent", at: new Date(), recipient: "34610000001" }]),
        ]),
      ),
    );
    expect((await send(theirs, "secret-of-broken")).status).toBe(503);
    expect(await stored(theirs)).toBe(0);
    await db.whatsAppAccount.delete({ where: { phoneNumberId: broken.phoneNumberId } });
    forgetWebhookSecrets();
  });

  it("refuses a body over 3 MB with 413", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 1, 0x20);
    const response = await POST(
      new Request(url, { method: "POST", body: big, headers: { "x-hub-signature-256": signBody(big, APP_SECRET) } }),
    );
    expect(response.status).toBe(413);
  });
});

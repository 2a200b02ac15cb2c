// Settings → Flows endpoint as an admin uses it: generate a key pair (the private key stays encrypted on the
// server), register its public key with WhatsApp (the sandbox here, at Meta's path), set the availability.
// Each change is audited; a marketer is refused.
import { createPrivateKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { saveAccount } from "@/lib/whatsapp/accounts";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createWorkspace, uniqueMetaId } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import { generateEndpointKeyAction, registerEndpointKeyAction, saveAvailabilityAction } from "./actions";

let sandbox: Sandbox;
let base: string;
let ws: string;
let users: Awaited<ReturnType<typeof createWorkspace>>["users"];
const phoneNumberId = uniqueMetaId();

beforeAll(async () => {
  sandbox = createSandbox({ accessToken: "tok", appSecret: "sec", phoneNumberId, webhooks: false });
  base = `http://127.0.0.1:${await sandbox.listen(0)}`;
  ({
    workspace: { id: ws },
    users,
  } = await createWorkspace(["ADMIN", "MARKETER"]));
  await saveAccount(ws, {
    wabaId: "900000000000001",
    phoneNumberId,
    accessToken: "tok",
    appSecret: "sec",
    verifyToken: "v",
    graphApiBase: base,
  });
});
afterAll(() => sandbox.close());

const week = (open: boolean[]) =>
  open.map((isOpen, i) => ({ weekday: i + 1, open: isOpen, from: "09:00", to: "17:30" }));

describe("Settings → Flows endpoint", () => {
  it("refuses a marketer", async () => {
    await actAs(users.MARKETER.id, ws);
    expect(await generateEndpointKeyAction({})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await db.flowEndpointKey.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it("generates a key pair, keeps the private key encrypted, and registers the public key with WhatsApp", async () => {
    await actAs(users.ADMIN.id, ws);
    expect(await registerEndpointKeyAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await generateEndpointKeyAction({})).toEqual({ ok: true, data: undefined });
    const key = await db.flowEndpointKey.findUniqueOrThrow({ where: { workspaceId: ws } });
    expect(key.privateKeyEncrypted).not.toContain("PRIVATE KEY");
    expect(createPrivateKey(decryptSecret(key.privateKeyEncrypted)).asymmetricKeyType).toBe("rsa");
    expect(key.registeredAt).toBeNull();

    const registered = await registerEndpointKeyAction({});
    expect(registered).toMatchObject({ ok: true, data: { registeredAt: expect.any(String) } });
    expect((await db.flowEndpointKey.findUniqueOrThrow({ where: { workspaceId: ws } })).registeredAt).not.toBeNull();
    const stored = await fetch(`${base}/v23.0/${phoneNumberId}/whatsapp_business_encryption`, {
      headers: { authorization: "Bearer tok" },
    }).then((r) => r.json());
    expect(stored).toEqual({
      data: [{ business_public_key: key.publicKeyPem, business_public_key_signature_status: "VALID" }],
    });
    const actions = await db.auditLog.findMany({ where: { workspaceId: ws }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["flows.endpoint_key_generated", "flows.endpoint_key_registered"]),
    );
  });

  it("the sandbox refuses an upload without a key or with a key that is not RSA", async () => {
    const upload = (value: string | null) => {
      const form = new FormData();
      if (value !== null) form.set("business_public_key", value);
      return fetch(`${base}/v23.0/${phoneNumberId}/whatsapp_business_encryption`, {
        method: "POST",
        headers: { authorization: "Bearer tok" },
        body: form,
      });
    };
    expect((await upload(null)).status).toBe(400);
    expect((await upload("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----")).status).toBe(400);
  });

  it("saves the availability, refusing a day that closes before it opens", async () => {
    await actAs(users.ADMIN.id, ws);
    const bad = week([true, false, false, false, false, false, false]);
    bad[0]!.to = "08:00";
    expect(await saveAvailabilityAction({ days: bad, slotMinutes: 30, capacity: 2 })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { "days.0.to": [expect.any(String)] } },
    });
    const ok = await saveAvailabilityAction({
      days: week([true, true, true, true, true, false, false]),
      slotMinutes: 45,
      capacity: 3,
    });
    expect(ok).toEqual({ ok: true, data: undefined });
    const saved = await db.bookingAvailability.findUniqueOrThrow({ where: { workspaceId: ws } });
    expect(saved).toMatchObject({ slotMinutes: 45, capacity: 3 });
    expect(saved.weeklyHours).toHaveLength(5);
    expect(saved.weeklyHours).toContainEqual({ weekday: 1, open: "09:00", close: "17:30" });
  });
});

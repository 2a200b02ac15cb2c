// A keyword from the workspace's own list opts the person out and is confirmed by a reply in the window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { forgetWebhookSecrets } from "@/lib/webhooks/ingest";
import { saveAccount } from "@/lib/whatsapp/accounts";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { envelope, inboundChange } from "@/lib/whatsapp/webhook-payloads";
import { createWorkspace, runQueuedJobs } from "@/tests/factories";
import { APP_SECRET, drain, post } from "@/tests/whatsapp";

// Ids of this test's own (phone numbers are unique across workspaces).
const NUMBER = { wabaId: "900000000000052", phoneNumberId: "900000000000152", displayPhoneNumber: "15550100152" };
let sandbox: Sandbox;
let base: string;
beforeAll(async () => {
  sandbox = createSandbox({
    accessToken: "tok",
    appSecret: APP_SECRET,
    webhooks: false,
    wabaId: NUMBER.wabaId,
    phoneNumberId: NUMBER.phoneNumberId,
  });
  base = `http://127.0.0.1:${await sandbox.listen(0)}`;
});
afterAll(() => sandbox.close());

describe("consent keywords", () => {
  it("use the workspace's list, and the confirmation goes out as a threaded reply", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    await db.workspace.update({
      where: { id: workspace.id },
      data: { optOutKeywords: ["BASTA"], optOutReply: "Hecho: no más promociones." },
    });
    // The sandbox knows the customer wrote in (its 24-hour window) …
    await fetch(`${base}/_sandbox/inbound`, {
      method: "POST",
      body: JSON.stringify({ from: "34610000501", text: "basta" }),
    });
    // … and Parley receives the same message by webhook.
    await saveAccount(workspace.id, {
      wabaId: NUMBER.wabaId,
      phoneNumberId: NUMBER.phoneNumberId,
      graphApiBase: `${base}/v23.0`,
      accessToken: "tok",
      appSecret: APP_SECRET,
      verifyToken: "v",
    });
    forgetWebhookSecrets();
    const number = NUMBER;
    await post(
      envelope(number.wabaId, [
        inboundChange(number, { wamid: "wamid.basta1", from: "34610000501", at: new Date(), text: "Basta!" }),
      ]),
    );
    await post(
      envelope(number.wabaId, [
        inboundChange(number, { wamid: "wamid.stop1", from: "34610000502", at: new Date(), text: "STOP" }),
      ]),
    );
    await drain();

    const events = await db.consentEvent.findMany({ where: { workspaceId: workspace.id } });
    const phones = new Map(
      (await db.contact.findMany({ where: { workspaceId: workspace.id }, select: { id: true, phone: true } })).map(
        (c) => [c.id, c.phone],
      ),
    );
    expect(events.map((e) => [phones.get(e.contactId), e.action, e.source])).toEqual([
      ["+34610000501", "OPT_OUT", "KEYWORD"],
    ]);

    await runQueuedJobs(workspace.id);
    const { entries } = (await (await fetch(`${base}/_sandbox/log`)).json()) as {
      entries: {
        path: string;
        status: number;
        body: { type?: string; text?: { body: string }; context?: { message_id: string } };
      }[];
    };
    const reply = entries.find((e) => e.path.endsWith("/messages") && e.body?.type === "text");
    expect(reply).toMatchObject({
      status: 200,
      body: { text: { body: "Hecho: no más promociones." }, context: { message_id: "wamid.basta1" } },
    });
  });
});

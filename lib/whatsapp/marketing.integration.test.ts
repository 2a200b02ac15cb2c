// The Marketing Messages API through the sandbox: the onboarding is read with the connection, a campaign's
// MARKETING template goes to /marketing_messages, anything else to /messages, and a business Meta refuses there
// is marked and sent through the Cloud API at once, each message still sent exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  acceptedSends,
  counts,
  dispatchUntil,
  launch,
  sandboxWorkspace,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { sandboxLog } from "@/tests/whatsapp";
import { clientFor, getAccountSummary, refreshPhoneHealth } from "./accounts";
import { sendRouted } from "./marketing";
import type { SendMessageRequest } from "./schemas";

let ws: SandboxWorkspace;
const workspaceId = () => ws.workspace.id;

/** The sends (to /messages or /marketing_messages) the sandbox received after `since`. */
const logSince = async (since: number) =>
  (await sandboxLog(ws.base, since)).entries.filter((e) => e.path.endsWith("messages"));
const lastSeq = async () => (await sandboxLog(ws.base)).lastSeq;
const edge = (path: string) => path.split("/").pop();
const setSandbox = (patch: object) =>
  fetch(`${ws.base}/_sandbox/config`, { method: "POST", body: JSON.stringify(patch) });

const promo = (to: string): SendMessageRequest => ({
  messaging_product: "whatsapp",
  to,
  type: "template",
  template: {
    name: "promo",
    language: { code: "en_US" },
    components: [
      {
        type: "body",
        parameters: [
          { type: "text", text: "Ana" },
          { type: "text", text: "20%" },
        ],
      },
      { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "autumn" }] },
    ],
  },
});

beforeAll(async () => {
  ws = await sandboxWorkspace({ contacts: 3 });
  const utility = { name: "order_ready", language: "en_US", category: "UTILITY", status: "APPROVED" } as const;
  const components = [{ type: "BODY", text: "Your order is ready." }];
  const row = await db.template.create({
    data: { workspaceId: workspaceId(), ...utility, components, metaTemplateId: `8${Date.now()}` },
  });
  await fetch(`${ws.base}/_sandbox/templates`, {
    method: "POST",
    body: JSON.stringify({ templates: [{ id: row.metaTemplateId, ...utility, components }] }),
  });
});
afterAll(() => ws.sandbox.close());

describe("the Marketing Messages API", () => {
  it("reads the onboarding with the connection and sends a campaign's marketing template there", async () => {
    expect((await getAccountSummary(workspaceId()))?.marketingMessagesStatus).toBeNull();
    await refreshPhoneHealth(workspaceId());
    expect(await getAccountSummary(workspaceId())).toMatchObject({ marketingMessagesStatus: "ONBOARDED" });

    const since = await lastSeq();
    const campaignId = await launch(ws);
    await dispatchUntil(campaignId);
    const sends = (await logSince(since)).filter((e) => e.status === 200);
    expect(sends.map((e) => edge(e.path))).toEqual(["marketing_messages", "marketing_messages", "marketing_messages"]);
    expect(new Set(sends.map((e) => e.body?.to)).size).toBe(3);
    expect(await acceptedSends(ws.base)).toEqual([]); // nothing went to /messages as well
    const states = await counts(campaignId);
    expect((states.SENT ?? 0) + (states.DELIVERED ?? 0) + (states.READ ?? 0)).toBe(3);
  });

  it("sends a utility template, a reply and a person known only by a BSUID through /messages", async () => {
    const client = (await clientFor(workspaceId()))!;
    const since = await lastSeq();
    await sendRouted(client, workspaceId(), {
      messaging_product: "whatsapp",
      to: "34610000001",
      type: "template",
      template: { name: "order_ready", language: { code: "en_US" } },
    });
    await sendRouted(client, workspaceId(), { ...promo("34610000001"), context: { message_id: "wamid.x" } });
    const { to: _to, ...toBsuid } = promo("");
    await sendRouted(client, workspaceId(), { ...toBsuid, recipient: "US.13491208655302741918" });
    const paths = (await logSince(since)).map((e) => edge(e.path));
    expect(paths).toEqual(["messages", "messages", "messages"]);
  });

  it("marks a business Meta refuses there and sends the same message once through the Cloud API", async () => {
    await setSandbox({ marketingMessagesStatus: "ELIGIBLE" }); // the terms were withdrawn at Meta
    const client = (await clientFor(workspaceId()))!;
    const since = await lastSeq();
    const response = await sendRouted(client, workspaceId(), promo("34610000002"));
    const entries = await logSince(since);
    expect(entries.map((e) => [edge(e.path), e.status])).toEqual([
      ["marketing_messages", 400],
      ["messages", 200],
    ]);
    expect(response.messages[0]!.id).toMatch(/^wamid\./);
    expect(await getAccountSummary(workspaceId())).toMatchObject({ marketingMessagesStatus: "REFUSED" });

    // Marked: the next marketing send goes straight to /messages.
    const next = await lastSeq();
    await sendRouted(client, workspaceId(), promo("34610000003"));
    expect((await logSince(next)).map((e) => edge(e.path))).toEqual(["messages"]);

    // Checking the connection again reads what Meta says now.
    await refreshPhoneHealth(workspaceId());
    expect(await getAccountSummary(workspaceId())).toMatchObject({ marketingMessagesStatus: "ELIGIBLE" });
  });
});

describe("the sandbox's marketing endpoint", () => {
  const post = (body: object) =>
    fetch(`${ws.base}/v25.0/${ws.number.phoneNumberId}/marketing_messages`, {
      method: "POST",
      headers: { authorization: "Bearer tok", "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { error?: { code: number; error_data?: { details?: string } } },
    }));

  it("refuses what Meta refuses: a reply context, a utility template", async () => {
    await setSandbox({ marketingMessagesStatus: "ONBOARDED" });
    const { template } = promo("34610000004") as { template: { language: object } };
    const withContext = await post({
      ...promo("34610000004"),
      recipient_type: "individual",
      template: { ...template, language: { code: "en_US", policy: "deterministic" } },
      context: { message_id: "m" },
    });
    expect(withContext).toMatchObject({ status: 400, body: { error: { code: 100 } } });
    expect(withContext.body.error?.error_data?.details).toContain("context");

    const utility = await post({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "34610000004",
      type: "template",
      template: { name: "order_ready", language: { code: "en_US", policy: "deterministic" } },
    });
    expect(utility).toMatchObject({ status: 400, body: { error: { code: 100 } } });
    expect(utility.body.error?.error_data?.details).toContain("UTILITY");
  });
});

// Meta's link-click webhooks (Marketing Messages API) through the sandbox and the real receiver: each tap is
// stored once by its click id; a tap that opened Parley's tracked link is tied to its message by the click id
// Meta appends, whichever arrives first, and the dashboard counts it once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/r/[token]/route";
import { dashboard } from "@/lib/analytics/dashboard";
import { linkToken } from "@/lib/campaigns/links";
import { db, type Prisma } from "@/lib/db/client";
import { refreshPhoneHealth } from "@/lib/whatsapp/accounts";
import { envelope, linkClickChange } from "@/lib/whatsapp/webhook-payloads";
import { dispatchUntil, launch, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { drain, post } from "@/tests/whatsapp";

let ws: SandboxWorkspace;
let campaignId: string;
const today = new Date().toISOString().slice(0, 10);
const metaClicks = async () => (await dashboard(ws.workspace.id, { from: today, to: today })).metaClicks;
const clicks = () =>
  db.marketingLinkClick.findMany({ where: { workspaceId: ws.workspace.id }, orderBy: { clickId: "asc" } });
const open = (token: string, clickId: string) =>
  GET(new Request(`http://localhost/r/${token}?click_id=${clickId}`), { params: Promise.resolve({ token }) });

beforeAll(async () => {
  // Every reader taps the link button: the sandbox reports each tap as Meta does.
  ws = await sandboxWorkspace({ contacts: 3, sandbox: { readShare: 1, linkClickShare: 1 } });
  await refreshPhoneHealth(ws.workspace.id); // onboarded: the campaign goes through the Marketing Messages API
  campaignId = await launch(ws);
  await dispatchUntil(campaignId);
  const deadline = Date.now() + 20_000;
  while ((await clicks()).length < 3) {
    if (Date.now() > deadline) throw new Error(`only ${(await clicks()).length} link clicks arrived`);
    await drain();
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(() => ws.sandbox.close());

describe("Meta's link clicks", () => {
  it("stores each tap Meta reports once, on no message until a tracked link names it", async () => {
    const stored = await clicks();
    expect(stored).toHaveLength(3);
    expect(stored.every((c) => c.component === "cta" && c.clickedAt !== null && c.messageId === null)).toBe(true);
    expect(await metaClicks()).toEqual({ reported: 3, tracked: 0 });
  });

  it("ties a tap to its message when the tracked link opens with Meta's click id, and counts it once", async () => {
    // The campaign's link button is Parley's tracked redirect (as a campaign with a tracked link sends it).
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const mapping = campaign.variableMapping as { variables: Prisma.InputJsonObject };
    (mapping.variables as Record<string, Prisma.InputJsonValue>)["button:1"] = {
      source: "tracked",
      value: "https://shop.example.com/autumn",
      fallback: "",
    };
    await db.campaign.update({ where: { id: campaignId }, data: { variableMapping: mapping } });
    const [first, second] = await db.message.findMany({ where: { campaignId }, orderBy: { id: "asc" } });
    const [reported] = await clicks();

    const response = await open(linkToken(first!.id, 1), reported!.clickId);
    expect([response.status, response.headers.get("location")]).toEqual([302, "https://shop.example.com/autumn"]);
    expect((await db.marketingLinkClick.findUniqueOrThrow({ where: { id: reported!.id } })).messageId).toBe(first!.id);
    expect((await db.message.findUniqueOrThrow({ where: { id: first!.id } })).linkClickedAt).not.toBeNull();
    expect(await metaClicks()).toEqual({ reported: 3, tracked: 1 });

    // The browser may be faster than Meta's webhook: the open comes first, Meta's report fills in the rest.
    await open(linkToken(second!.id, 1), "tapped-before-the-webhook");
    expect(await metaClicks()).toEqual({ reported: 3, tracked: 1 }); // not reported by Meta yet
    const lateTap = linkClickChange(ws.number, {
      clickId: "tapped-before-the-webhook",
      component: "cta",
      at: new Date(),
    });
    expect(await post(envelope(ws.number.wabaId, [lateTap]))).toBe(200);
    await drain();
    const late = await db.marketingLinkClick.findFirstOrThrow({ where: { clickId: "tapped-before-the-webhook" } });
    expect(late).toMatchObject({ messageId: second!.id, component: "cta" });
    expect(await metaClicks()).toEqual({ reported: 4, tracked: 2 });
  });

  it("ignores a click id that is not one", async () => {
    const [message] = await db.message.findMany({ where: { campaignId }, orderBy: { id: "asc" } });
    const before = (await clicks()).length;
    expect((await open(linkToken(message!.id, 1), encodeURIComponent("<script>"))).status).toBe(302);
    expect((await clicks()).length).toBe(before);
  });
});

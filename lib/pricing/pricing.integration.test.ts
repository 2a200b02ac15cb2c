// Pricing end to end against the sandbox: its status webhooks carry Meta's pricing objects, Parley prices each
// message with the card in effect (free inside the customer service window), the nightly read of
// pricing_analytics stores Meta's bill, and the comparison shows where the two differ.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCsv } from "@/lib/analytics/export";
import { estimateCost } from "@/lib/campaigns/pricing";
import { db } from "@/lib/db/client";
import { sendJob } from "@/lib/jobs/engine";
import { forgetWebhookSecrets, receiveWebhook } from "@/lib/webhooks/ingest";
import { saveAccount } from "@/lib/whatsapp/accounts";
import { createWhatsAppClient } from "@/lib/whatsapp/client";
import { accountUpdateChange, envelope } from "@/lib/whatsapp/webhook-payloads";
import { createSandbox, type Sandbox } from "@/sandbox/server";
import { createWorkspace, runQueuedJobs, uniqueMetaId } from "@/tests/factories";
import { connectAccount, drain, post } from "@/tests/whatsapp";
import { importRateCard, loadCards } from "./cards";
import { billComparison, threadCost } from "./compare";
import { metaBillJob, syncMetaBill } from "./meta-bill";
import { SHIPPED_CARDS } from "./rates";
import { applyVolumeTier, currentTiers } from "./volume-tiers";

const secret = "pricing-test-secret";
const token = "pricing-test-token";
const wabaId = "900000000000001";
const phoneNumberId = uniqueMetaId();
let sandbox: Sandbox;
let base: string;
let receiver: Server;
let ws: Awaited<ReturnType<typeof createWorkspace>>;
const delivered = new Set<string>(); // wamids whose delivered status Parley has stored

beforeAll(async () => {
  // The sandbox's webhooks go through Parley's real receiver (signature check, durable insert).
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void receiveWebhook(Buffer.concat(chunks), req.headers["x-hub-signature-256"] as string).then((r) =>
        res.writeHead(r.status).end(),
      );
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  sandbox = createSandbox({
    accessToken: token,
    appSecret: secret,
    phoneNumberId,
    webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    timeScale: 0.001,
    notOnWhatsAppShare: 0,
    stoppedMarketingShare: 0,
    readShare: 0,
    replyShare: 0,
    buttonTapShare: 0,
    stopShare: 0,
    userPreferencesStopShare: 0,
    duplicateRate: 0.5, // a repeated delivery changes nothing
  });
  base = `http://127.0.0.1:${await sandbox.listen(0)}`;
  ws = await createWorkspace(["ADMIN"]);
  await saveAccount(ws.workspace.id, {
    wabaId,
    phoneNumberId,
    accessToken: token,
    appSecret: secret,
    verifyToken: "v",
    graphApiBase: base,
  });
  forgetWebhookSecrets();
  const template = (name: string, category: string) => ({
    id: uniqueMetaId(),
    status: "APPROVED",
    name,
    language: "en_US",
    category,
    components: [{ type: "BODY", text: "Hello" }],
  });
  await fetch(`${base}/_sandbox/templates`, {
    method: "POST",
    body: JSON.stringify({ templates: [template("promo", "MARKETING"), template("order_update", "UTILITY")] }),
  });
});

afterAll(async () => {
  await sandbox.close();
  receiver.close();
});

const client = () => createWhatsAppClient({ baseUrl: `${base}/v25.0`, wabaId, phoneNumberId, accessToken: token });
const templateTo = (to: string, name: string) => ({
  messaging_product: "whatsapp" as const,
  to,
  type: "template" as const,
  template: { name, language: { code: "en_US" } },
});

/** Waits (polling the database, no fixed sleep) until Parley has stored the delivered status of each wamid. */
async function deliveredAll(wamids: string[], ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    await drain();
    const rows = await db.messageStatusEvent.findMany({
      where: { wamid: { in: wamids }, status: "delivered" },
      select: { wamid: true },
    });
    rows.forEach((r) => delivered.add(r.wamid));
    if (wamids.every((w) => delivered.has(w))) return;
    if (Date.now() > deadline) throw new Error("timed out waiting for delivered statuses");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const costOf = (wamid: string) => db.messageCost.findUniqueOrThrow({ where: { wamid } });

describe("the shipped cards", () => {
  it("are in the database with the figures the sandbox bills, so Parley's estimate and Meta's bill agree", async () => {
    const byRate = (a: { market: string; category: string }, b: { market: string; category: string }) =>
      `${a.market}|${a.category}`.localeCompare(`${b.market}|${b.category}`);
    const stored = (await loadCards(ws.workspace.id)).filter((c) => c.workspaceId === null);
    expect(stored.map((c) => c.id).sort()).toEqual(SHIPPED_CARDS.map((c) => c.id).sort());
    for (const card of SHIPPED_CARDS) {
      const inDb = stored.find((c) => c.id === card.id)!;
      expect({ ...inDb, rates: [...inDb.rates].sort(byRate) }).toEqual({
        ...card,
        rates: [...card.rates].sort(byRate),
      });
    }
  });
});

describe("pricing against the sandbox", () => {
  const spain = "34610000301";
  const customer = "34610000302";
  const wamids: Record<string, string> = {};

  it("prices each message from its status webhook's pricing: free inside the customer service window", async () => {
    wamids.marketing = (await client().sendMessage(templateTo(spain, "promo"))).messages[0]!.id;
    // The customer writes: their window opens; a reply and a utility template inside it are free.
    await fetch(`${base}/_sandbox/inbound`, { method: "POST", body: JSON.stringify({ from: customer, text: "Hi" }) });
    const deadline = Date.now() + 10_000;
    while (!(await db.inboundMessage.findFirst({ where: { workspaceId: ws.workspace.id } }))) {
      if (Date.now() > deadline) throw new Error("the inbound message never arrived");
      await drain();
      await new Promise((r) => setTimeout(r, 25));
    }
    wamids.service = (
      await client().sendMessage({
        messaging_product: "whatsapp",
        to: customer,
        type: "text",
        text: { body: "Hello!" },
      })
    ).messages[0]!.id;
    wamids.utility = (await client().sendMessage(templateTo(customer, "order_update"))).messages[0]!.id;
    await deliveredAll(Object.values(wamids));

    expect(await costOf(wamids.marketing)).toMatchObject({
      workspaceId: ws.workspace.id,
      market: "Spain",
      category: "marketing",
      pricingType: "regular",
      costMicros: 70700,
      currency: "USD",
    });
    expect(await costOf(wamids.service)).toMatchObject({
      category: "service",
      pricingType: "free_customer_service",
      costMicros: 0,
    });
    expect(await costOf(wamids.utility)).toMatchObject({
      category: "utility",
      pricingType: "free_customer_service",
      costMicros: 0,
    });

    // The inbox's line for the thread: its replies (here the free service message) as priced.
    const conversation = await db.conversation.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    await db.outboundMessage.create({
      data: {
        workspaceId: ws.workspace.id,
        conversationId: conversation.id,
        type: "text",
        payload: {},
        wamid: wamids.service,
      },
    });
    expect(await threadCost(ws.workspace.id, conversation)).toEqual({ cost: 0, count: 1, free: 1, currency: "USD" });
  });

  it("reads Meta's bill from pricing_analytics and finds it matches the estimate", async () => {
    // The nightly job for this workspace, run as the worker runs it.
    await sendJob(metaBillJob, {}, db, { workspaceId: ws.workspace.id });
    await runQueuedJobs(ws.workspace.id);
    expect(await db.metaPricingDay.count({ where: { workspaceId: ws.workspace.id } })).toBe(3);
    const today = new Date().toISOString().slice(0, 10);
    const comparison = await billComparison(ws.workspace.id, { from: today, to: today });
    expect(comparison.fetched).toBe(true);
    expect(comparison.differing).toEqual([]);
    expect(comparison.byCategory).toContainEqual({ name: "marketing", volume: 1, free: 0, cost: 0.0707 });
    expect(comparison.byCategory).toContainEqual({ name: "service", volume: 1, free: 1, cost: 0 });
    expect(comparison.total).toEqual({ parley: 0.0707, meta: 0.0707 });
    const csv = await exportCsv(ws.workspace.id, { report: "cost", from: today, to: today });
    expect(csv.body.split("\r\n")).toContain(`${today},Spain,marketing,1,0,0.070700,1,0.070700,false`);
    // The nightly run is idempotent: reading again changes nothing.
    await syncMetaBill(ws.workspace.id);
    expect(await db.metaPricingDay.count({ where: { workspaceId: ws.workspace.id } })).toBe(3);
  });

  it("prices with an imported card from its date on, and shows where Meta's bill differs", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const user = { userId: ws.users.ADMIN.id, workspaceId: ws.workspace.id };
    const result = await importRateCard(user, {
      fileName: "rates.csv",
      text: "Market,Currency,Marketing,Utility,Authentication\nSpain,USD,$0.0700,$0.0200,$0.0338\n",
      effectiveFrom: today,
    });
    expect(result).toMatchObject({ ok: true, rates: 3 });
    const next = (await client().sendMessage(templateTo(spain, "promo"))).messages[0]!.id;
    await deliveredAll([next]);
    expect((await costOf(next)).costMicros).toBe(70000);
    // Already priced messages keep their cost.
    expect((await costOf(wamids.marketing!)).costMicros).toBe(70700);

    await syncMetaBill(ws.workspace.id);
    const comparison = await billComparison(ws.workspace.id, { from: today, to: today });
    expect(comparison.differing).toEqual([
      expect.objectContaining({
        day: today,
        market: "Spain",
        category: "marketing",
        parley: { volume: 2, free: 0, cost: 0.1407 },
        meta: { volume: 2, cost: 0.1414 },
        differs: true,
      }),
    ]);
  });

  it("follows pricing_analytics pages to the end, and stores nothing when there are more than it reads", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const stored = () =>
      db.metaPricingDay.findMany({ where: { workspaceId: ws.workspace.id }, orderBy: { country: "asc" } });
    await syncMetaBill(ws.workspace.id);
    const whole = await stored();
    expect(whole.length).toBeGreaterThan(1);
    const seq = (await (await fetch(`${base}/_sandbox/log?limit=1`)).json()) as { lastSeq: number };
    await fetch(`${base}/_sandbox/config`, { method: "POST", body: JSON.stringify({ pricingPageSize: 1 }) });
    try {
      await db.metaPricingDay.deleteMany({ where: { workspaceId: ws.workspace.id } });
      expect(await syncMetaBill(ws.workspace.id)).toEqual({ rows: whole.length, truncated: false });
      expect((await stored()).map(({ fetchedAt: _, ...row }) => row)).toEqual(
        whole.map(({ fetchedAt: _, ...row }) => row),
      );
      const log = (await (await fetch(`${base}/_sandbox/log?since=${seq.lastSeq}`)).json()) as {
        entries: { method: string; path: string }[];
      };
      expect(log.entries.filter((e) => e.method === "GET" && e.path.endsWith(`/${wabaId}`))).toHaveLength(whole.length);
      // Pages given by cursors only, or with a `next` on Meta's host rather than the client's: the cursor reads on.
      for (const pricingPaging of ["cursors", "foreign-next"]) {
        await fetch(`${base}/_sandbox/config`, { method: "POST", body: JSON.stringify({ pricingPaging }) });
        await db.metaPricingDay.deleteMany({ where: { workspaceId: ws.workspace.id } });
        expect(await syncMetaBill(ws.workspace.id)).toEqual({ rows: whole.length, truncated: false });
        expect((await stored()).map(({ fetchedAt: _, ...row }) => row)).toEqual(
          whole.map(({ fetchedAt: _, ...row }) => row),
        );
      }
      await fetch(`${base}/_sandbox/config`, { method: "POST", body: JSON.stringify({ pricingPaging: "next" }) });
      // A bound on pages: past it the answer says it is cut short, and the nightly read keeps what it had.
      const cut = await client().getPricingAnalytics(
        { start: new Date(`${today}T00:00:00Z`), end: new Date(Date.now() + 86_400_000) },
        { maxPages: 1 },
      );
      expect(cut.truncated).toBe(true);
      expect(cut.pricing_analytics.data.flatMap((d) => d.data_points)).toHaveLength(1);
      await db.metaPricingDay.updateMany({ where: { workspaceId: ws.workspace.id }, data: { volume: 99 } });
      expect(await syncMetaBill(ws.workspace.id, { maxPages: 1 })).toEqual({ rows: 0, truncated: true });
      expect((await stored()).every((row) => row.volume === 99)).toBe(true); // nothing rewritten with half a bill
      await syncMetaBill(ws.workspace.id);
    } finally {
      await fetch(`${base}/_sandbox/config`, {
        method: "POST",
        body: JSON.stringify({ pricingPageSize: 100, pricingPaging: "next" }),
      });
    }
  });

  it("prices with Meta's announced volume tier over an imported tier file", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const user = { userId: ws.users.ADMIN.id, workspaceId: ws.workspace.id };
    // Laid over today's card: Spain's utility rate takes tiers, Spain's marketing rate stays.
    const result = await importRateCard(user, {
      fileName: "tiers.csv",
      text: "Market,Volume,Currency,Utility\nSpain,1:1,USD,$0.0200\nSpain,2:2,USD,$0.0150\nSpain,3+,USD,$0.0100\n",
      effectiveFrom: today,
    });
    expect(result).toMatchObject({ ok: true, rates: 5 });
    const first = (await client().sendMessage(templateTo("34610000303", "order_update"))).messages[0]!.id;
    await deliveredAll([first]);
    expect(await costOf(first)).toMatchObject({ category: "utility", pricingType: "regular", costMicros: 20000 });

    // Meta says the business (all its accounts) reached the third message's tier: the next one is priced there,
    // though Parley has sent only one before it.
    const announced = await fetch(`${base}/_sandbox/pricing-tier`, {
      method: "POST",
      body: JSON.stringify({ region: "SPAIN", category: "utility", tier: "3:" }),
    });
    expect(announced.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while ((await currentTiers(ws.workspace.id)).length === 0) {
      if (Date.now() > deadline) throw new Error("the tier announcement never arrived");
      await drain();
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await currentTiers(ws.workspace.id)).toEqual([
      { market: "Spain", category: "UTILITY", fromVolume: 2, toVolume: null, reachedAt: expect.any(Date) },
    ]);
    const second = (await client().sendMessage(templateTo("34610000304", "order_update"))).messages[0]!.id;
    await deliveredAll([second]);
    expect((await costOf(second)).costMicros).toBe(10000);
    const marketing = (await client().sendMessage(templateTo("34610000305", "promo"))).messages[0]!.id;
    await deliveredAll([marketing]);
    expect((await costOf(marketing)).costMicros).toBe(70000);
  });

  it("keeps each announced tier once, from the earliest time Meta said it was reached, and passes over an unreadable one", async () => {
    const other = (await createWorkspace(["ADMIN"])).workspace.id;
    const month = new Date().toISOString().slice(0, 7);
    const announce = (tier: string, at: Date) =>
      db.$transaction((tx) =>
        applyVolumeTier(
          tx,
          other,
          wabaId,
          {
            effective_month: month,
            pricing_category: "AUTHENTICATION",
            region: "REST_OF_AFRICA",
            tier,
            tier_update_time: Math.floor(at.getTime() / 1000),
          },
          at,
        ),
      );
    const earlier = new Date(Date.now() - 60_000);
    await announce("750001:15000000", new Date(Date.now() - 30_000));
    await announce("750001:15000000", earlier); // a late delivery of an earlier announcement
    await announce("750001:15000000", new Date()); // a repeat
    await announce("lots", new Date());
    expect(await currentTiers(other)).toEqual([
      {
        market: "Rest of Africa",
        category: "AUTHENTICATION",
        fromVolume: 750_000,
        toVolume: 15_000_000,
        reachedAt: new Date(Math.floor(earlier.getTime() / 1000) * 1000),
      },
    ]);
  });

  it("stores Meta's tier webhook once however often it comes, and passes over a malformed one without holding up the rest", async () => {
    const other = (await createWorkspace(["ADMIN"])).workspace.id;
    const number = await connectAccount(other);
    const month = new Date().toISOString().slice(0, 7);
    const reached = Math.floor(Date.now() / 1000) - 60;
    const tier = (volume_tier_info: unknown) =>
      accountUpdateChange({ event: "VOLUME_BASED_PRICING_TIER_UPDATE", volume_tier_info });
    const delivery = envelope(number.wabaId, [
      tier({ effective_month: month, pricing_category: "UTILITY", region: "INDIA", tier: { from: 25000001 } }),
      tier("25000001:50000000"),
      tier({
        effective_month: month,
        pricing_category: "UTILITY",
        region: "INDIA",
        tier: "25000001:50000000",
        tier_update_time: reached,
      }),
      accountUpdateChange({
        event: "ACCOUNT_RESTRICTION",
        restriction_info: [{ restriction_type: "RESTRICTED_ADD_PHONE_NUMBER_ACTION" }],
      }),
    ]);
    expect(await post(delivery)).toBe(200);
    expect(await post(delivery)).toBe(200); // Meta delivers again
    await drain();
    expect(await currentTiers(other)).toEqual([
      {
        market: "India",
        category: "UTILITY",
        fromVolume: 25_000_000,
        toVolume: 50_000_000,
        reachedAt: new Date(reached * 1000),
      },
    ]);
    expect(await db.pricingTier.count({ where: { workspaceId: other } })).toBe(1);
    // The alert in the same delivery went through, and nothing was set aside to be retried.
    expect(await db.accountAlert.count({ where: { workspaceId: other, event: "ACCOUNT_RESTRICTION" } })).toBe(1);
    expect(await db.webhookPart.count({ where: { workspaceId: other } })).toBe(0);
  });

  it("estimates a campaign from the tier Meta announced where the card has tier rates", async () => {
    const other = await createWorkspace(["ADMIN"]);
    const workspaceId = other.workspace.id;
    const number = await connectAccount(workspaceId);
    const today = new Date().toISOString().slice(0, 10);
    const imported = await importRateCard(
      { userId: other.users.ADMIN.id, workspaceId },
      {
        fileName: "tiers.csv",
        text: "Market,Volume,Currency,Utility\nSpain,1:1,USD,$0.0200\nSpain,2:2,USD,$0.0150\nSpain,3+,USD,$0.0100\n",
        effectiveFrom: today,
      },
    );
    expect(imported).toMatchObject({ ok: true });
    const spain = [{ prefix: "+3461", count: 3 }];
    const estimate = async (category: "UTILITY" | "MARKETING") => {
      const { lines, total } = await estimateCost(workspaceId, spain, category);
      return { unitPrice: lines[0]!.unitPrice, total: Math.round(total * 1e6) };
    };
    // Nothing known of the month: from its first message, one at each tier.
    expect(await estimate("UTILITY")).toEqual({ unitPrice: 0.02, total: 45000 });

    // Meta announces the second tier (the business's other accounts sent the first message).
    const delivery = envelope(number.wabaId, [
      accountUpdateChange({
        event: "VOLUME_BASED_PRICING_TIER_UPDATE",
        volume_tier_info: {
          effective_month: today.slice(0, 7),
          pricing_category: "UTILITY",
          region: "SPAIN",
          tier: "2:2",
          tier_update_time: Math.floor(Date.now() / 1000) - 60,
        },
      }),
    ]);
    expect(await post(delivery)).toBe(200);
    await drain();
    expect(await estimate("UTILITY")).toEqual({ unitPrice: 0.015, total: 35000 });
    // Marketing has no tiers on the card: the base rate, whatever Meta announced for utility.
    expect(await estimate("MARKETING")).toEqual({ unitPrice: 0.0707, total: 212100 });
    // Where Parley has priced more of the month than Meta's tier covers, its own count goes further.
    await db.pricingVolume.create({
      data: {
        workspaceId,
        month: new Date(`${today.slice(0, 7)}-01T00:00:00Z`),
        market: "Spain",
        category: "UTILITY",
        count: 4,
      },
    });
    expect(await estimate("UTILITY")).toEqual({ unitPrice: 0.01, total: 30000 });
  });

  it("refuses a tier file in another currency than the card it would be laid over", async () => {
    const user = { userId: ws.users.ADMIN.id, workspaceId: ws.workspace.id };
    const result = await importRateCard(user, {
      fileName: "tiers-eur.csv",
      text: "Market,Volume,Currency,Utility\nSpain,1:1,EUR,0.0200\n",
      effectiveFrom: new Date().toISOString().slice(0, 10),
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ line: null, code: "currencyMismatch", values: { file: "EUR", card: "USD" } }],
    });
  });

  it("refuses a bad rate-card file with its line and reason, and imports nothing", async () => {
    const user = { userId: ws.users.ADMIN.id, workspaceId: ws.workspace.id };
    const before = await db.priceCard.count({ where: { workspaceId: ws.workspace.id } });
    const result = await importRateCard(user, {
      fileName: "bad.csv",
      text: "Market,Currency,Marketing\nSpain,USD,cheap\n",
      effectiveFrom: "2027-01-01",
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 2, code: "badAmount", values: { market: "Spain", column: "Marketing", value: "cheap" } }],
    });
    expect(await db.priceCard.count({ where: { workspaceId: ws.workspace.id } })).toBe(before);
  });
});

import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { flowProblems } from "@/lib/flows/flow-json";
import { verifyLogin } from "@/lib/auth/login";
import { db } from "@/lib/db/client";
import { graphSchema } from "@/lib/journeys/graph";
import { checkGraph } from "@/lib/journeys/service";
import { campaignReport } from "@/lib/analytics/report";
import { campaignFormValues, listCampaigns } from "@/lib/campaigns/queries";
import { decryptSecret } from "@/lib/crypto/secrets";
import { loadHome } from "@/lib/home/service";
import { getImport, listImports, rejectedReport } from "@/lib/imports/service";
import { outboundPayloadSchema } from "@/lib/outbound-webhooks/events";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/event-types";
import { listDeliveries, listEndpoints } from "@/lib/outbound-webhooks/service";
import { billComparison } from "@/lib/pricing/compare";
import { currentTiers } from "@/lib/pricing/volume-tiers";
import { normalisePhone } from "@/lib/contacts/phone";
import { workspaceWindows } from "@/sandbox/bootstrap";
import { DEMO_CONTACT_COUNT, DEMO_USERS, DEMO_WORKSPACE_SLUG, seedDemo } from "./demo";

async function counts() {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
  const where = { workspaceId: workspace.id };
  return {
    members: await db.membership.count({ where }),
    contacts: await db.contact.count({ where }),
    consentEvents: await db.consentEvent.count({ where }),
    templates: await db.template.count({ where }),
    campaigns: await db.campaign.count({ where }),
    endpoints: await db.webhookEndpoint.count({ where }),
    deliveries: await db.outboundDelivery.count({ where: { endpoint: where } }),
    imports: await db.contactImport.count({ where }),
  };
}

describe("demo seed", () => {
  it("creates the demo once and changes nothing the second time", async () => {
    await seedDemo();
    const before = await counts();
    expect(before.members).toBe(3);
    expect(before.contacts).toBe(DEMO_CONTACT_COUNT + 1); // and the username-only person
    expect(before.templates).toBe(11); // the carousel among them, those the journey starters send, the flows'
    expect(before.consentEvents).toBeGreaterThanOrEqual(DEMO_CONTACT_COUNT * 2);

    expect(await seedDemo()).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });

  it("gives each demo user a working login with their role", async () => {
    await seedDemo();
    for (const user of DEMO_USERS) {
      const result = await verifyLogin({ email: user.email, password: user.password }, `10.8.0.${user.role.length}`);
      expect(result).toMatchObject({ ok: true, role: user.role });
    }
  });

  it("stores numbers the public API accepts (no reserved drama ranges) and consent that matches its events", async () => {
    await seedDemo();
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const phones = await db.contact.findMany({
      where: { workspaceId: workspace.id, phone: { not: null } },
      select: { phone: true },
    });
    // A newcomer tries the API with a demo person's number: every one must be a number WhatsApp can reach.
    expect(phones.filter((c) => !normalisePhone(c.phone!).ok)).toEqual([]);
    // One person shows only a username: known by their BSUID, with a conversation in the inbox.
    const usernameOnly = await db.contact.findMany({
      where: { workspaceId: workspace.id, phone: null },
      select: { bsuid: true, username: true, conversation: { select: { unreadCount: true } } },
    });
    expect(usernameOnly).toEqual([
      { bsuid: expect.stringMatching(/^[A-Z]{2}\.\d+$/), username: "marta.rivera", conversation: { unreadCount: 2 } },
    ]);
    const optOutEvents = await db.consentEvent.count({ where: { workspaceId: workspace.id, action: "OPT_OUT" } });
    const optedOutStates = await db.contactConsent.count({ where: { workspaceId: workspace.id, optedIn: false } });
    expect(optOutEvents).toBeGreaterThan(0);
    expect(optedOutStates).toBe(optOutEvents);
  });

  it("gives the sandbox every conversation open in the inbox, so a reply to one is not refused as out of the window", async () => {
    await seedDemo();
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const now = new Date();
    const open = await db.conversation.findMany({
      where: { workspaceId: workspace.id, lastInboundAt: { gt: new Date(now.getTime() - 24 * 3_600_000) } },
      select: { contact: { select: { phone: true, bsuid: true } } },
    });
    const windows = await workspaceWindows(workspace.id, now);
    const from = new Set(windows.map((w) => w.from));
    expect(open.length).toBeGreaterThan(1);
    expect(open.filter(({ contact }) => !from.has(contact.phone?.slice(1) ?? contact.bsuid!))).toEqual([]);
    expect(from.has("ES.13491208655302741918")).toBe(true); // Marta, whom the identity browser test answers
    expect(windows.every((w) => now.getTime() - Date.parse(w.at) < 24 * 3_600_000)).toBe(true);
  });
});

describe("the demo's finished campaign", () => {
  it("has one row per contact, sends nobody who opted out, and its replies are in the inbox", async () => {
    await seedDemo();
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const campaign = await db.campaign.findFirstOrThrow({
      where: { workspaceId: workspace.id, name: "Summer sale launch" },
    });
    expect(campaign.status).toBe("COMPLETED");
    expect(await db.message.count({ where: { campaignId: campaign.id } })).toBe(DEMO_CONTACT_COUNT);
    const sentToOptedOut = await db.message.count({
      where: {
        campaignId: campaign.id,
        state: { not: "SKIPPED" },
        contact: { consents: { some: { consentListId: campaign.consentListId!, optedIn: false } } },
      },
    });
    expect(sentToOptedOut).toBe(0);
    const replied = await db.message.count({ where: { campaignId: campaign.id, state: "REPLIED" } });
    expect(replied).toBeGreaterThan(10);
    expect(await db.inboundMessage.count({ where: { campaignMessage: { campaignId: campaign.id } } })).toBe(replied);
  });
});

describe("the demo's carousel campaign", () => {
  it("reports its cards' tracked link opens, most on the first card, each a delivered message's", async () => {
    await seedDemo();
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const campaign = await db.campaign.findFirstOrThrow({
      where: { workspaceId: workspace.id, name: "Winter blends carousel" },
    });
    const report = await campaignReport(workspace.id, campaign.id);
    const cards = report.buttons.filter((b) => b.cardNumber);
    expect(cards.map((b) => [b.cardNumber, b.label, b.kind])).toEqual([
      [1, "Shop", "Link (tracked opens)"],
      [2, "Shop", "Link (tracked opens)"],
      [3, "Shop", "Link (tracked opens)"],
    ]);
    const [first, second, third] = cards.map((b) => b.count);
    expect(third).toBeGreaterThan(0);
    expect(first).toBeGreaterThan(second!);
    expect(first).toBeGreaterThan(third!);
    expect(report.funnel.clicked).toBe(first! + second! + third!);
    const opened = await db.message.findMany({
      where: { campaignId: campaign.id, linkClickedAt: { not: null } },
      select: { state: true, linkButton: true, linkCard: true },
    });
    expect(opened).toHaveLength(report.funnel.clicked);
    expect(
      opened.every((m) => ["READ", "REPLIED"].includes(m.state) && m.linkButton === 1 && m.linkCard !== null),
    ).toBe(true);
  });
});

describe("the demo's flows", () => {
  it("publish valid Flow JSON, and every NPS answer ties to a message of its campaign sent to someone opted in", async () => {
    await seedDemo();
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const flows = await db.flow.findMany({ where: { workspaceId: workspace.id } });
    expect(flows.map((f) => [f.name, f.status]).sort()).toEqual([
      ["Book a tasting", "PUBLISHED"],
      ["Customer NPS", "PUBLISHED"],
      ["Newsletter sign-up", "PUBLISHED"],
      ["Visit feedback", "DRAFT"],
    ]);
    for (const flow of flows) expect(flowProblems(flow.json), flow.name).toEqual([]);
    const campaign = await db.campaign.findFirstOrThrow({
      where: { workspaceId: workspace.id, name: "Customer NPS · November" },
    });
    const answers = await db.flowResponse.findMany({ where: { campaignId: campaign.id } });
    expect(answers.length).toBeGreaterThan(20);
    const messages = await db.message.findMany({
      where: { id: { in: answers.map((a) => a.messageId!) } },
      select: { campaignId: true, contactId: true, state: true },
    });
    expect(messages).toHaveLength(answers.length);
    expect(messages.every((m) => m.campaignId === campaign.id && m.state === "REPLIED")).toBe(true);
    const sentToOptedOut = await db.message.count({
      where: {
        campaignId: campaign.id,
        contact: { consents: { some: { consentListId: campaign.consentListId!, optedIn: false } } },
      },
    });
    expect(sentToOptedOut).toBe(0);
  });
});

describe("demo journeys", () => {
  it("are each publishable as drawn, one per kind of trigger they show", async () => {
    await seedDemo();
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const journeys = await db.journey.findMany({ where: { workspaceId: workspace.id }, orderBy: { name: "asc" } });
    const kinds = journeys.map((j) => [j.name, graphSchema.parse(j.draft).trigger.kind]);
    expect(kinds).toEqual([
      ["Abandoned cart", "event"],
      ["Coffee club sign-up", "keyword"],
      ["Order updates", "event"],
      ["Tasting reminder", "date"],
    ]);
    for (const journey of journeys)
      expect(await checkGraph(workspace.id, graphSchema.parse(journey.draft)), journey.name).toEqual([]);
  });
});

describe("consent history", () => {
  it("cannot be rewritten", async () => {
    await seedDemo();
    const event = await db.consentEvent.findFirstOrThrow({ where: { action: "OPT_OUT" } });
    await expect(db.consentEvent.update({ where: { id: event.id }, data: { action: "OPT_IN" } })).rejects.toThrow(
      /append-only/,
    );
    expect((await db.consentEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("OPT_OUT");
  });
});

describe("demo costs", () => {
  it("prices every delivered message and shows two days where Meta's bill differs from the estimate", async () => {
    await seedDemo();
    const { id } = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } });
    const priced = await db.messageCost.count({ where: { workspaceId: id } });
    expect(priced).toBe(
      await db.message.count({
        where: { workspaceId: id, wamid: { not: null }, deliveredAt: { not: null }, contact: { phone: { not: null } } },
      }),
    );
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const bill = await billComparison(id, { from, to });
    expect(bill.fetched).toBe(true);
    expect(bill.differing.map((r) => [r.market, r.category, (r.meta?.volume ?? 0) - r.parley.volume])).toEqual(
      expect.arrayContaining([
        ["Spain", "marketing", 4],
        [expect.any(String), "utility", 2],
      ]),
    );
    expect(bill.differing).toHaveLength(2);
    expect(bill.byCategory.map((c) => c.name)).toEqual(expect.arrayContaining(["marketing", "utility"]));
    // The volume tier Meta announced this month, for Settings → Pricing.
    expect(await currentTiers(id)).toEqual([
      { market: "Spain", category: "UTILITY", fromVolume: 100_000, toVolume: 500_000, reachedAt: expect.any(Date) },
    ]);
  });
});

describe("the demo's pages that need a row to open", () => {
  const demo = async () => (await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } })).id;

  it("has a marketer's draft for next week, with its template and audience, that the builder opens", async () => {
    await seedDemo();
    const ws = await demo();
    const drafts = (await listCampaigns(ws)).filter((c) => c.status === "DRAFT");
    expect(drafts.map((c) => [c.name, c.templateName])).toEqual([["Chestnut latte weekend · VIPs", "autumn_menu"]]);
    const form = await campaignFormValues(ws, drafts[0]!.id);
    const vip = await db.segment.findFirstOrThrow({ where: { workspaceId: ws, name: "VIP customers" } });
    const promotions = await db.consentList.findFirstOrThrow({ where: { workspaceId: ws, name: "Promotions" } });
    expect(form).toMatchObject({ consentListId: promotions.id, segmentIds: [vip.id], schedule: { mode: "local" } });
    expect(Date.parse((form.schedule as { at: string }).at)).toBeGreaterThan(Date.now());
  });

  it("has the CRM's webhook endpoint, its secret encrypted, with delivered events and one failed with the answer", async () => {
    await seedDemo();
    const ws = await demo();
    const endpoints = await listEndpoints(ws);
    expect(endpoints).toEqual([
      expect.objectContaining({
        url: expect.stringMatching(/\.example\//),
        enabled: true,
        failingSince: null,
        pending: 0,
      }),
    ]);
    const endpoint = endpoints[0]!;
    const { secretEncrypted } = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(secretEncrypted).not.toContain("whsec_");
    expect(decryptSecret(secretEncrypted)).toMatch(/^whsec_/);

    const { deliveries } = await listDeliveries(ws, endpoint.id);
    const states = deliveries.map((d) => d.state);
    expect(states.filter((s) => s === "DELIVERED").length).toBeGreaterThanOrEqual(3);
    expect(states.filter((s) => s === "PENDING")).toEqual([]); // nothing for the worker to try
    const failed = deliveries.filter((d) => d.state === "FAILED");
    expect(failed).toEqual([
      expect.objectContaining({
        type: "campaign.completed",
        lastStatus: 422,
        lastExcerpt: expect.stringContaining("error"),
      }),
    ]);
    expect(failed[0]!.attempts).toBeGreaterThan(10); // retried for a day
    // Each event is what a receiver of its type is promised (the API reference's schemas).
    const events = await db.outboundEvent.findMany({ where: { workspaceId: ws } });
    for (const e of events) {
      const type = OUTBOUND_EVENT_TYPES.find((t) => t === e.type)!;
      expect(outboundPayloadSchema(type).safeParse(e.payload).success, e.type).toBe(true);
    }
    // The failure was followed by deliveries, so the admin's home does not call the endpoint failing.
    const admin = await db.user.findUniqueOrThrow({
      where: { email: DEMO_USERS.find((u) => u.role === "ADMIN")!.email },
    });
    const home = await loadHome({ workspaceId: ws, userId: admin.id, role: "ADMIN", locale: "en" });
    expect(home.needs.filter((n) => n.kind === "endpoint")).toEqual([]);
  });

  it("has a finished contact import with its counts, its rejected rows and their report", async () => {
    await seedDemo();
    const ws = await demo();
    const imports = await listImports(ws);
    expect(imports.map((i) => [i.fileName, i.status])).toEqual([["till-loyalty-export.csv", "DONE"]]);
    const row = await getImport(ws, imports[0]!.id);
    expect(row.counts).toMatchObject({ rows: 39, updated: 36, created: 0, invalid: 2, duplicate: 1 });
    expect(row.rejects.map((r) => [r.row, r.problem?.code])).toEqual([
      [11, "phone"],
      [24, "noPhone"],
      [40, "duplicate"],
    ]);
    const report = await rejectedReport(ws, row.id);
    const lines = (await readFile(report!.file, "utf8")).trim().split("\r\n");
    expect(lines).toHaveLength(4); // its header and the three rows
    expect(lines[3]).toMatch(/^40,.*row 6/i);
  });
});

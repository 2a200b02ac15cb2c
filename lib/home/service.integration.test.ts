// The home page's parts against the real database: each role sees what it may read and act on, and nothing
// else; the week's numbers are the rollups of the workspace's own days, in its time zone.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Role } from "@/lib/db/client";
import { createTranslator } from "next-intl";
import { english, loadMessages } from "@/lib/i18n/catalog";
import { translateMessage } from "@/lib/i18n/message-key";
import { createWorkspace } from "@/tests/factories";
import { connectAccount } from "@/tests/whatsapp";
import { loadHome, type Home, type NeedKind } from "./service";

// 23:30 UTC is already the 26th in Madrid: this week is 20-26 November there, last week 13-19.
const NOW = new Date("2026-11-25T23:30:00Z");

let ws: string;
let users: Record<Role, { id: string }>;
const ids = {} as Record<"sending" | "paused" | "awaiting" | "done" | "template" | "endpoint", string>;

const campaign = (name: string, status: "SENDING" | "PAUSED" | "AWAITING_APPROVAL" | "COMPLETED", extra = {}) =>
  db.campaign.create({ data: { workspaceId: ws, name, status, ...extra }, select: { id: true } }).then((c) => c.id);

async function rollup(campaignId: string, day: string, counts: Record<string, number>) {
  await db.campaignDay.createMany({
    data: Object.entries(counts).map(([key, n]) => ({
      workspaceId: ws,
      campaignId,
      day: new Date(`${day}T00:00:00Z`),
      key,
      n: BigInt(n),
    })),
  });
}

beforeAll(async () => {
  const created = await createWorkspace(["ADMIN", "MARKETER", "MANAGER"]);
  ws = created.workspace.id;
  users = created.users;
  await db.workspace.update({ where: { id: ws }, data: { timeZone: "Europe/Madrid" } });

  ids.sending = await campaign("Winter launch", "SENDING", { launchedAt: NOW });
  ids.paused = await campaign("Spring teaser", "PAUSED", { statusReason: "Meta paused the template." });
  // The marketer submitted it, so it waits for someone else: the manager or the admin.
  ids.awaiting = await campaign("Black Friday", "AWAITING_APPROVAL", { contributorIds: [users.MARKETER.id] });
  ids.done = await campaign("Autumn menu", "COMPLETED", { completedAt: new Date("2026-11-24T10:00:00Z") });
  await campaign("Old news", "COMPLETED", { completedAt: new Date("2026-10-01T10:00:00Z") });

  // Winter launch: 40 of 100 on their way (30 sent, 10 failed, 60 waiting), 5 skipped.
  await rollup(ids.sending, "2026-11-26", { pending: 60, sent: 30, failed: 10, skipped: 5, delivered: 20 });
  // This week's numbers (20-26 Nov) come from two campaigns; last week's (13-19 Nov) from one; the days around
  // them must not count.
  await rollup(ids.done, "2026-11-20", { sent: 100, delivered: 90, read: 60, replied: 12, clicked: 8, failed: 3 });
  await rollup(ids.done, "2026-11-13", { sent: 50, delivered: 45, read: 40, replied: 12, clicked: 0 });
  await rollup(ids.done, "2026-11-19", { sent: 30, delivered: 30, read: 20 });
  await rollup(ids.done, "2026-11-12", { sent: 999, delivered: 999 });
  await rollup(ids.done, "2026-11-27", { sent: 999, delivered: 999 });
  await rollup(ids.done, "2026-11-21", { "skip:messaging_limit": 7 });

  ids.template = (
    await db.template.create({
      data: {
        workspaceId: ws,
        name: "winter_sale",
        language: "es",
        category: "MARKETING",
        components: [{ type: "BODY", text: "Rebajas" }],
        status: "REJECTED",
        rejectionReason: "PROMOTIONAL",
      },
    })
  ).id;

  await connectAccount(ws);
  await db.whatsAppAccount.update({ where: { workspaceId: ws }, data: { qualityRating: "YELLOW" } });

  const contact = await db.contact.create({ data: { workspaceId: ws, phone: "+34611000111", name: "Ana" } });
  await db.conversation.create({ data: { workspaceId: ws, contactId: contact.id, unreadCount: 2 } });

  ids.endpoint = (
    await db.webhookEndpoint.create({
      data: {
        workspaceId: ws,
        url: "https://crm.example.test/hooks",
        eventTypes: ["message.sent"],
        secretEncrypted: "not-used-here",
        failingSince: new Date("2026-11-25T20:00:00Z"),
      },
    })
  ).id;
  await db.webhookDelivery.create({
    data: { workspaceId: ws, rawBody: Buffer.from("{}"), signature: "sha256=x", lastError: "Unknown phone number" },
  });
});

const homeOf = (role: Role, locale = "en") => loadHome({ workspaceId: ws, userId: users[role].id, role, locale }, NOW);
const kinds = (home: Home) => new Set(home.needs.map((n) => n.kind));
const t = createTranslator({ locale: "en", messages: english });
const inEnglish = (message: string) => translateMessage(t, message);

/** A need as an English reader sees it (titles and details are message keys, translated where shown). */
const need = (home: Home, kind: NeedKind) => {
  const found = home.needs.find((n) => n.kind === kind);
  return (
    found && {
      ...found,
      title: inEnglish(found.title),
      detail: inEnglish(found.detail),
    }
  );
};

describe("loadHome", () => {
  it("shows every role the campaigns sending now, with their progress", async () => {
    for (const role of ["ADMIN", "MARKETER", "MANAGER"] as const) {
      const home = await homeOf(role);
      expect(home.sending).toEqual([{ id: ids.sending, name: "Winter launch", sent: 40, total: 100 }]);
    }
  });

  it("asks an admin about everything, each with where it is handled", async () => {
    const home = await homeOf("ADMIN");
    expect(kinds(home)).toEqual(
      new Set(["approval", "paused", "failed", "template", "quality", "limit", "endpoint", "inbound", "inbox"]),
    );
    expect(need(home, "approval")).toMatchObject({ title: expect.stringContaining("Black Friday") });
    expect(need(home, "approval")!.href).toBe(`/campaigns/${ids.awaiting}`);
    expect(need(home, "paused")).toMatchObject({
      href: `/campaigns/${ids.paused}`,
      detail: "Meta paused the template.",
    });
    expect(need(home, "failed")).toMatchObject({
      href: `/campaigns/${ids.done}`,
      title: "“Autumn menu” finished with 3 failed messages",
    });
    expect(need(home, "template")).toEqual({
      kind: "template",
      title: "Meta rejected the template “winter_sale” (Spanish)",
      detail: "Meta read it as promotional, which its category does not allow. Change it and submit it again.",
      href: `/templates/${ids.template}`,
    });
    // The template's language in the reader's own words.
    const swedish = createTranslator({ locale: "sv", messages: await loadMessages("sv") });
    const inSwedish = (await homeOf("ADMIN", "sv")).needs.find((n) => n.kind === "template")!;
    expect(translateMessage(swedish, inSwedish.title)).toBe("Meta avvisade mallen ”winter_sale” (Spanska)");
    // Plain words, not Meta's values.
    expect(need(home, "quality")!.detail).toMatch(/medium/);
    expect(JSON.stringify(home.needs.map((n) => [inEnglish(n.title), inEnglish(n.detail)]))).not.toMatch(
      /YELLOW|TIER_|PROMOTIONAL/,
    );
    expect(need(home, "quality")!.href).toBe("/settings/whatsapp");
    expect(need(home, "limit")!.detail).toMatch(/^7 people were left out this week/);
    expect(need(home, "endpoint")).toMatchObject({ href: `/settings/webhooks/${ids.endpoint}` });
    expect(need(home, "endpoint")!.title).toContain("https://crm.example.test/hooks");
    expect(need(home, "inbound")!.href).toBe("/settings/whatsapp");
    expect(need(home, "inbox")).toMatchObject({
      href: "/inbox?filter=unread",
      title: "1 conversation is waiting for an answer",
    });
    // A campaign that finished long ago is no longer news.
    expect(JSON.stringify(home.needs)).not.toContain("Old news");
  });

  it("does not ask a marketer to approve their own launch, nor about webhooks", async () => {
    const home = await homeOf("MARKETER");
    expect(kinds(home)).toEqual(new Set(["paused", "failed", "template", "quality", "limit", "inbox"]));
    expect(need(home, "quality")!.href).toBe("/analytics");
  });

  it("asks a manager to approve, without the inbox or webhooks", async () => {
    const home = await homeOf("MANAGER");
    expect(kinds(home)).toEqual(new Set(["approval", "paused", "failed", "template", "quality", "limit"]));
  });

  it("does not ask an approver who worked on the launch to approve it", async () => {
    await db.campaign.update({ where: { id: ids.awaiting }, data: { contributorIds: [users.ADMIN.id] } });
    try {
      expect(kinds(await homeOf("ADMIN")).has("approval")).toBe(false);
      expect(kinds(await homeOf("MANAGER")).has("approval")).toBe(true);
    } finally {
      await db.campaign.update({ where: { id: ids.awaiting }, data: { contributorIds: [users.MARKETER.id] } });
    }
  });

  it("compares the last 7 days in the workspace's zone with the 7 before, from the rollups", async () => {
    const { week } = await homeOf("MANAGER");
    expect(week).toMatchObject({
      thisWeek: { from: "2026-11-20", to: "2026-11-26" },
      lastWeek: { from: "2026-11-13", to: "2026-11-19" },
      timeZone: "Europe/Madrid",
    });
    const row = (m: string) => week!.rows.find((r) => r.measure === m);
    // This week: Autumn menu's 20th plus Winter launch's 26th; last week: the 13th and the 19th.
    expect(row("sent")).toEqual({ measure: "sent", thisWeek: 130, lastWeek: 80, change: 50 / 80 });
    expect(row("delivered")).toEqual({ measure: "delivered", thisWeek: 110, lastWeek: 75, change: 35 / 75 });
    expect(row("read")).toEqual({ measure: "read", thisWeek: 60, lastWeek: 60, change: 0 });
    expect(row("replied")).toEqual({ measure: "replied", thisWeek: 12, lastWeek: 12, change: 0 });
    // Nothing last week to compare with.
    expect(row("clicked")).toEqual({ measure: "clicked", thisWeek: 8, lastWeek: 0, change: null });
  });

  it("tells a workspace with nothing going on that nothing needs them", async () => {
    const quiet = await createWorkspace(["MANAGER"]);
    const home = await loadHome(
      { workspaceId: quiet.workspace.id, userId: quiet.users.MANAGER.id, role: "MANAGER", locale: "en" },
      NOW,
    );
    expect(home.sending).toEqual([]);
    expect(home.needs).toEqual([]);
    expect(home.week!.rows.every((r) => r.thisWeek === 0 && r.lastWeek === 0 && r.change === null)).toBe(true);
  });
});

// The pre-flight report counts exactly who will be sent and why the others are skipped, and the launch
// materialises the same answer as message rows.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { campaignInput, PROMO_COMPONENTS, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { runQueuedJobs } from "@/tests/factories";
import { buildPreflight, loadPlan } from "./plan";
import { launchCampaign, saveCampaign } from "./service";

let ws: SandboxWorkspace;
afterAll(() => ws?.sandbox.close());

describe("pre-flight report", () => {
  it("counts the frequency cap, the messaging limit, empty variables, invalid numbers and the cost", async () => {
    ws = await sandboxWorkspace({ contacts: 60 }); // Spanish mobiles, opted in
    const w = ws.workspace.id;
    await db.workspace.update({ where: { id: w }, data: { marketingCapPer7Days: 1 } });
    await db.whatsAppAccount.update({ where: { workspaceId: w }, data: { messagingLimitTier: "TIER_50" } });
    const contacts = await db.contact.findMany({ where: { workspaceId: w }, orderBy: { phone: "asc" } });
    // Two contacts have a nickname; one got a marketing message yesterday; one number is broken.
    await db.contact.updateMany({
      where: { id: { in: [contacts[0]!.id, contacts[1]!.id] } },
      data: { attributes: { nickname: "Lu" } },
    });
    const earlier = await db.campaign.create({
      data: { workspaceId: w, name: "Earlier", templateId: ws.template.id, status: "COMPLETED" },
    });
    await db.message.create({
      data: {
        workspaceId: w,
        campaignId: earlier.id,
        contactId: contacts[2]!.id,
        state: "DELIVERED",
        sentAt: new Date(Date.now() - 12 * 3_600_000),
      },
    });
    const broken = await db.contact.create({ data: { workspaceId: w, phone: "+3412" } }); // stored before validation existed
    await db.contactConsent.create({
      data: { contactId: broken.id, consentListId: ws.list.id, workspaceId: w, optedIn: true, changedAt: new Date() },
    });

    const user = ws.userOf("MARKETER");
    const variables = {
      "body:1": { source: "attribute" as const, value: "nickname" }, // no fallback
      "body:2": { source: "constant" as const, value: "20%" },
      "button:1": { source: "constant" as const, value: "autumn" },
    };
    const { id } = await saveCampaign(user, campaignInput(ws, { variables }));
    const report = await buildPreflight(await loadPlan(w, id));

    expect(report.targeted).toBe(61);
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.reason, s.count]));
    // 61 targeted: 1 invalid, 1 capped, 57 without a nickname; 2 left, well within the 50 a day.
    expect(skipped).toEqual({ invalid_number: 1, frequency_cap: 1, missing_variable: 57 });
    expect(report.willSend).toBe(2);
    expect(report.variables.find((v) => v.slot === "body:1")).toMatchObject({ mapped: true, emptyFor: 59 });
    expect(report.warnings).toContainEqual({ code: "missingVariable", values: { count: 57 } });
    expect(report.cost.lines).toEqual([{ market: "Spain", recipients: 2, unitPrice: 0.0707, cost: 0.1414 }]);
    expect(report.blockers).toEqual([]);

    // With a fallback everyone has a value, and the number's limit (50 a day; 1 reached) cuts the rest.
    await saveCampaign(
      user,
      campaignInput(ws, {
        variables: { ...variables, "body:1": { source: "attribute", value: "nickname", fallback: "there" } },
      }),
      id,
    );
    const again = await buildPreflight(await loadPlan(w, id));
    expect(Object.fromEntries(again.skipped.map((s) => [s.reason, s.count]))).toEqual({
      invalid_number: 1,
      frequency_cap: 1,
      messaging_limit: 10,
    });
    expect(again.willSend).toBe(49);
    expect(again.tier).toEqual({ name: "TIER_50", limit: 50, reached: 1 });

    // The launch makes the same rows.
    await launchCampaign(user, id);
    await runQueuedJobs(w);
    const rows = await db.message.groupBy({ by: ["state", "skipReason"], where: { campaignId: id }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.skipReason ?? r.state, r._count]))).toEqual({
      QUEUED: 49,
      invalid_number: 1,
      frequency_cap: 1,
      messaging_limit: 10,
    });
  });

  it("advises another channel for an audience partly off WhatsApp and an urgent notice, without blocking", async () => {
    const other = await sandboxWorkspace({ contacts: 20 });
    try {
      const w = other.workspace.id;
      const contacts = await db.contact.findMany({ where: { workspaceId: w }, orderBy: { phone: "asc" }, take: 4 });
      await db.contact.updateMany({ where: { id: { in: contacts.map((c) => c.id) } }, data: { unreachable: true } });
      await db.template.update({
        where: { id: other.template.id },
        data: {
          components: [{ type: "HEADER", format: "TEXT", text: "Urgent: store closed" }, ...PROMO_COMPONENTS],
        },
      });
      const variables = {
        "body:1": { source: "field" as const, value: "first_name", fallback: "there" },
        "body:2": { source: "constant" as const, value: "20%" },
        "button:1": { source: "constant" as const, value: "autumn" },
      };
      const { id } = await saveCampaign(other.userOf("MARKETER"), campaignInput(other, { variables }));
      const report = await buildPreflight(await loadPlan(w, id));
      expect(report.warnings).toContainEqual({
        code: "channel.notOnWhatsApp",
        values: { count: 4, targeted: 20, percent: 20 },
      });
      expect(report.warnings).toContainEqual({ code: "channel.urgent", values: { word: "urgent" } });
      expect(report.blockers).toEqual([]);
      expect(report.willSend).toBe(16);
    } finally {
      await other.sandbox.close();
    }
  });

  it("warns of a category change Meta announced and of what WhatsApp desktop hides; blocks a card without media", async () => {
    const other = await sandboxWorkspace({ contacts: 3 });
    try {
      const w = other.workspace.id;
      const moveAt = new Date("2027-01-15T09:00:00Z");
      await db.template.update({
        where: { id: other.template.id },
        data: { impendingCategory: "UTILITY", impendingCategoryAt: moveAt },
      });
      const variables = {
        "body:1": { source: "field" as const, value: "first_name", fallback: "there" },
        "body:2": { source: "constant" as const, value: "20%" },
        "button:1": { source: "constant" as const, value: "autumn" },
      };
      const user = other.userOf("MARKETER");
      const { id } = await saveCampaign(user, campaignInput(other, { variables }));
      const report = await buildPreflight(await loadPlan(w, id));
      expect(report.warnings).toContainEqual({
        code: "impendingCategory",
        values: { language: "en_US", category: "UTILITY", at: moveAt.toISOString() },
      });
      // A quick reply beside a link: WhatsApp desktop does not show it.
      expect(report.warnings).toContainEqual({ code: "hiddenOnDesktop", values: { reason: "buttons" } });

      // The same template as a two-card carousel: each card needs its file before launch.
      const card = {
        components: [
          { type: "HEADER", format: "IMAGE" },
          { type: "BODY", text: "A blend." },
        ],
      };
      await db.template.update({
        where: { id: other.template.id },
        data: {
          impendingCategory: null,
          components: [PROMO_COMPONENTS[0]!, { type: "CAROUSEL", cards: [card, card] }],
        },
      });
      const carousel = await buildPreflight(await loadPlan(w, id));
      expect(carousel.blockers).toContainEqual({ code: "cardMedia", values: { count: 2, kind: "IMAGE" } });
      expect(carousel.warnings.map((f) => f.code)).not.toContain("hiddenOnDesktop");
      expect(carousel.warnings.map((f) => f.code)).not.toContain("impendingCategory");
    } finally {
      await other.sandbox.close();
    }
  });
});

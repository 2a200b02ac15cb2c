// Drill-down: each stage lists exactly its contacts (paged), exports them as CSV, and becomes a segment
// that counts the same people, for marketers and admins only.
import { beforeEach, describe, expect, it } from "vitest";
import { foldAll } from "@/lib/analytics/rollups";
import { listRecipients, recipientsCsv, STAGES, type Stage } from "@/lib/campaigns/recipients";
import { db } from "@/lib/db/client";
import { englishTranslator } from "@/lib/i18n/translator";
import { countSegment } from "@/lib/segments/service";
import { segmentRulesSchema } from "@/lib/segments/schemas";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { retargetAction } from "./actions";

beforeEach(() => actAnonymously());

describe("campaign drill-down", () => {
  it("lists, exports and retargets exactly the contacts at each stage", async () => {
    const { workspace, users } = await createWorkspace();
    const w = workspace.id;
    const campaign = await db.campaign.create({ data: { workspaceId: w, name: "Autumn", status: "COMPLETED" } });
    // 60 delivered but not read, 30 read, 10 replied (4 of them tapped), 5 failed (1 of them 131050: opted out), 3 skipped.
    const plan: [string, number, object][] = [
      ["DELIVERED", 60, { deliveredAt: new Date() }],
      ["READ", 30, { deliveredAt: new Date(), readAt: new Date() }],
      ["REPLIED", 10, { deliveredAt: new Date(), readAt: new Date(), repliedAt: new Date() }],
      ["FAILED", 4, { errorCode: 131026, errorReason: "Undeliverable" }],
      ["FAILED", 1, { errorCode: 131050, errorReason: "Opted out in WhatsApp" }],
      ["SKIPPED", 3, { skipReason: "opted_out" }],
    ];
    let n = 0;
    for (const [state, count, extra] of plan) {
      for (let i = 0; i < count; i++, n++) {
        const contact = await db.contact.create({
          data: {
            workspaceId: w,
            phone: `+3469950${String(n).padStart(4, "0")}`,
            name: n === 0 ? '=HYPERLINK("http://x")' : `Person ${n}`,
          },
        });
        await db.message.create({
          data: {
            workspaceId: w,
            campaignId: campaign.id,
            contactId: contact.id,
            state: state as never,
            sentAt: new Date(),
            // Four tapped a quick reply (replies, not clicks); two of them also opened the tracked link.
            clickedButton: state === "REPLIED" && i < 4 ? "Show me" : null,
            ...(state === "REPLIED" && i < 2 ? { linkClickedAt: new Date(), linkButton: 1 } : {}),
            ...extra,
          },
        });
      }
    }
    await foldAll();
    const expected: Record<Stage, number> = {
      sent: 100,
      delivered: 100,
      delivered_not_read: 60,
      read: 40,
      clicked: 2,
      replied: 10,
      failed: 5,
      skipped: 3,
      opted_out: 1,
    };
    for (const stage of Object.keys(STAGES) as Stage[]) {
      const page = await listRecipients(w, campaign.id, { stage });
      expect([stage, page.total]).toEqual([stage, expected[stage]]); // the total, from the rollups...
      expect([stage, page.rows.length]).toEqual([stage, Math.min(50, expected[stage])]); // ...and the rows listed agree
    }
    const undeliverable = await listRecipients(w, campaign.id, { stage: "failed", reason: "131026" });
    expect([
      undeliverable.total,
      undeliverable.rows.length,
      undeliverable.rows.every((r) => r.errorCode === 131026),
    ]).toEqual([4, 4, true]);
    // Why each failed, with Meta's code; a reason stored as English text before it became a key reads as it was.
    expect(englishTranslator.message(undeliverable.rows[0]!.why)).toBe("Error 131026: Undeliverable");

    const first = await listRecipients(w, campaign.id, { stage: "delivered_not_read" });
    expect(first.rows).toHaveLength(50);
    const second = await listRecipients(w, campaign.id, { stage: "delivered_not_read", after: first.next! });
    expect(second.rows).toHaveLength(10);
    expect(second.next).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.contact.id)).size).toBe(60);
    expect((await listRecipients(w, campaign.id, { stage: "skipped" })).rows[0]!.why).toBe("Opted out");

    const csv = await (await recipientsCsv(w, campaign.id, { stage: "delivered_not_read" })).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "phone,whatsappUserId,username,name,state,sentAt,deliveredAt,readAt,repliedAt,failedAt,button,link,linkCard,reason",
    );
    expect(lines).toHaveLength(61);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`); // a formula never runs in the spreadsheet

    await actAs(users.MANAGER.id, w);
    expect(
      await retargetAction({ id: campaign.id, stage: "delivered_not_read", stageName: "Delivered but not read" }),
    ).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await actAs(users.MARKETER.id, w);
    const made = await retargetAction({
      id: campaign.id,
      stage: "delivered_not_read",
      stageName: "Delivered but not read",
    });
    if (!made.ok) throw new Error(made.error.message);
    const segment = await db.segment.findUniqueOrThrow({ where: { id: made.data.id } });
    expect(segment.name).toBe("Autumn: delivered but not read");
    expect(await countSegment(w, segmentRulesSchema.parse(segment.rules))).toBe(60);
    const again = await retargetAction({
      id: campaign.id,
      stage: "delivered_not_read",
      stageName: "Delivered but not read",
    });
    expect(again.ok && (await db.segment.findUniqueOrThrow({ where: { id: again.data.id } })).name).toBe(
      "Autumn: delivered but not read (2)",
    );
  });
});

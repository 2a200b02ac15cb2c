// The report is what the raw rows say, whatever order Meta's webhooks arrive in: statuses, replies, taps,
// link opens and opt-outs go through the real receiver (signed), the real processing and the real trigger;
// the report read from the folded rollups must then equal counts taken straight from the Message rows.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { STAGES, type Stage } from "@/lib/campaigns/recipients";
import { db } from "@/lib/db/client";
import { envelope, inboundChange, statusChange, type NumberRef } from "@/lib/whatsapp/webhook-payloads";
import { createWorkspace } from "@/tests/factories";
import { connectAccount, drain, post } from "@/tests/whatsapp";
import { linkToken, openTrackedLink } from "@/lib/campaigns/links";
import { campaignReport } from "./report";
import { foldAll, rebuildRollups } from "./rollups";

let ws: string;
let number: NumberRef;
let templateId: string;
let phones = 0;

beforeAll(async () => {
  await drain();
  ws = (await createWorkspace(["ADMIN"])).workspace.id;
  number = await connectAccount(ws);
  templateId = (
    await db.template.create({
      data: {
        workspaceId: ws,
        name: "autumn_offer",
        language: "en_US",
        category: "MARKETING",
        status: "APPROVED",
        components: [
          { type: "BODY", text: "Autumn offers are here." },
          {
            type: "BUTTONS",
            buttons: [
              { type: "QUICK_REPLY", text: "Show me" },
              { type: "URL", text: "Shop", url: "http://localhost:3000/r/{{1}}" },
            ],
          },
        ],
      },
    })
  ).id;
});

const t0 = new Date("2026-11-20T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

type Fate = {
  statuses: { status: "sent" | "delivered" | "read" | "failed"; at: number; code: number }[];
  reply: { kind: "none" | "text" | "tap" | "stop" | "stop_later"; at: number };
  click: number | null;
};

const fate: fc.Arbitrary<Fate> = fc.record({
  statuses: fc.uniqueArray(
    fc.record({
      status: fc.constantFrom("sent", "delivered", "read", "failed"),
      at: fc.integer({ min: 0, max: 5400 }),
      code: fc.constantFrom(131026, 131050, 131049, 131000),
    }),
    { selector: (s) => s.status, maxLength: 4 },
  ),
  reply: fc.record({
    kind: fc.constantFrom("none", "none", "text", "tap", "stop", "stop_later"),
    at: fc.integer({ min: 5400, max: 7000 }),
  }),
  click: fc.option(fc.integer({ min: 100, max: 7000 }), { nil: null }),
});

type Action = { order: number; duplicate: boolean; run: () => Promise<unknown> };

/** Counts straight from the raw rows, with the drill-down's own definitions of each stage. */
async function fromRawRows(campaignId: string) {
  const stages = Object.fromEntries(
    await Promise.all(
      (Object.keys(STAGES) as Stage[]).map(
        async (s) => [s, await db.message.count({ where: { campaignId, ...STAGES[s].where } })] as const,
      ),
    ),
  );
  const [failures, taps, links, cost, replies] = await Promise.all([
    db.message.groupBy({ by: ["errorCode"], where: { campaignId, state: "FAILED" }, _count: true }),
    db.message.groupBy({ by: ["clickedButton"], where: { campaignId, clickedButton: { not: null } }, _count: true }),
    db.message.groupBy({ by: ["linkButton"], where: { campaignId, linkButton: { not: null } }, _count: true }),
    db.message.aggregate({ where: { campaignId }, _sum: { costMicros: true } }),
    db.message.findMany({ where: { campaignId, state: "REPLIED" }, select: { repliedAt: true } }),
  ]);
  const perMinute = new Map<string, number>();
  for (const r of replies) {
    const minute = new Date(Math.floor(r.repliedAt!.getTime() / 60_000) * 60_000).toISOString();
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
  }
  return {
    stages,
    failures: Object.fromEntries(failures.map((f) => [String(f.errorCode ?? "none"), f._count])),
    taps: Object.fromEntries(taps.map((t) => [t.clickedButton!, t._count])),
    links: Object.fromEntries(links.map((l) => [String(l.linkButton), l._count])),
    cost: (cost._sum.costMicros ?? 0) / 1e6,
    repliesPerMinute: Object.fromEntries(perMinute),
  };
}

function fromReport(report: Awaited<ReturnType<typeof campaignReport>>) {
  const f = report.funnel;
  return {
    stages: {
      sent: f.sent,
      delivered: f.delivered,
      delivered_not_read: f.delivered - f.read,
      read: f.read,
      clicked: f.clicked,
      replied: f.replied,
      failed: f.failed,
      skipped: f.skipped,
      opted_out: f.optedOut,
    },
    failures: Object.fromEntries(report.failures.map((x) => [String(x.code ?? "none"), x.count])),
    taps: Object.fromEntries(
      report.buttons.filter((b) => b.kind.startsWith("Quick reply") && b.count > 0).map((b) => [b.label, b.count]),
    ),
    links: Object.fromEntries(
      report.buttons.filter((b) => b.kind.startsWith("Link") && b.count > 0).map((b) => ["1", b.count]),
    ), // the template's one link is button 1
    cost: report.cost.total,
    repliesPerMinute: Object.fromEntries(
      report.series.points.filter((p) => p.replied > 0).map((p) => [p.at, p.replied]),
    ),
  };
}

async function seededCampaign(fates: Fate[], skipped: number) {
  const campaign = await db.campaign.create({
    data: {
      workspaceId: ws,
      name: `Property ${phones}`,
      status: "SENDING",
      templateId,
      variableMapping: {
        templateName: "autumn_offer",
        fallbackLanguage: "en_US",
        headerMediaId: "",
        variables: { "button:1": { source: "tracked", value: "https://shop.example.com/autumn", fallback: "" } },
      },
    },
  });
  const messages = [];
  for (let i = 0; i < fates.length + skipped; i++) {
    const phone = `+3471${String(++phones).padStart(7, "0")}`;
    const contact = await db.contact.create({ data: { workspaceId: ws, phone } });
    const skip = i >= fates.length;
    messages.push(
      await db.message.create({
        data: {
          workspaceId: ws,
          campaignId: campaign.id,
          contactId: contact.id,
          state: skip ? "SKIPPED" : "CLAIMED",
          skipReason: skip ? "opted_out" : null,
        },
      }),
    );
  }
  return {
    campaign,
    messages,
    phoneOf: async (contactId: string) =>
      ((await db.contact.findUniqueOrThrow({ where: { id: contactId } })).phone ?? "").slice(1),
  };
}

describe("campaign report", () => {
  it("equals the counts from the raw rows, whatever order the events arrive in", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fate, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 1_000_000 })),
        async (fates, skipped, orders) => {
          const { campaign, messages, phoneOf } = await seededCampaign(fates, skipped);
          const actions: Action[] = [];
          const order = () => orders.next().value as number;
          for (const [i, f] of fates.entries()) {
            const message = messages[i]!;
            const wamid = `wamid.P${message.id}`;
            const recipient = await phoneOf(message.contactId);
            for (const s of f.statuses) {
              const body = envelope(number.wabaId, [
                statusChange(number, [
                  {
                    wamid,
                    status: s.status,
                    at: at(s.at),
                    recipient,
                    callbackData: `pm:${message.id}`,
                    category: "marketing",
                    ...(s.status === "failed" ? { error: { code: s.code, title: "Failed" } } : {}),
                  },
                ]),
              ]);
              actions.push({ order: order(), duplicate: order() % 5 === 0, run: () => post(body) });
            }
            if (f.reply.kind !== "none") {
              const inbound = { wamid: `wamid.IN${message.id}`, from: recipient, at: at(f.reply.at) };
              const spec =
                f.reply.kind === "tap"
                  ? { ...inbound, contextWamid: wamid, button: { payload: "Show me", text: "Show me" } }
                  : f.reply.kind === "text"
                    ? { ...inbound, contextWamid: wamid, text: "When does it end?" }
                    : f.reply.kind === "stop"
                      ? { ...inbound, contextWamid: wamid, text: "STOP" }
                      : { ...inbound, text: "stop" }; // no context: the campaign sent within 72 hours is the cause, if it was sent
              actions.push({
                order: order(),
                duplicate: order() % 5 === 0,
                run: () => post(envelope(number.wabaId, [inboundChange(number, spec)])),
              });
            }
            if (f.click !== null) {
              const token = linkToken(message.id, 1);
              actions.push({
                order: order(),
                duplicate: order() % 3 === 0,
                run: () => openTrackedLink(token, at(f.click!)),
              });
            }
          }
          const runs = actions
            .flatMap((a) => (a.duplicate ? [a, { ...a, order: a.order + 1 }] : [a]))
            .sort((a, b) => a.order - b.order);
          for (const [k, action] of runs.entries()) {
            await action.run();
            if (k % 3 === 2) await drain(); // deliveries processed in batches of varying size
          }
          await drain();
          await foldAll();
          expect(fromReport(await campaignReport(ws, campaign.id))).toEqual(await fromRawRows(campaign.id));
        },
      ),
      { numRuns: 12 },
    );
  });

  it("counts a quick-reply tap once: as a reply and on its button, not as a click", async () => {
    const { campaign, messages, phoneOf } = await seededCampaign(
      [
        { statuses: [], reply: { kind: "tap", at: 0 }, click: null },
        { statuses: [], reply: { kind: "none", at: 0 }, click: null },
      ],
      0,
    );
    const [tapper, clicker] = messages as [(typeof messages)[0], (typeof messages)[0]];
    for (const message of [tapper, clicker]) {
      const recipient = await phoneOf(message.contactId);
      await post(
        envelope(number.wabaId, [
          statusChange(number, [
            {
              wamid: `wamid.P${message.id}`,
              status: "delivered",
              at: at(10),
              recipient,
              callbackData: `pm:${message.id}`,
              category: "marketing",
            },
          ]),
        ]),
      );
    }
    await post(
      envelope(number.wabaId, [
        inboundChange(number, {
          wamid: `wamid.IN${tapper.id}`,
          from: await phoneOf(tapper.contactId),
          at: at(60),
          contextWamid: `wamid.P${tapper.id}`,
          button: { payload: "Show me", text: "Show me" },
        }),
      ]),
    );
    await openTrackedLink(linkToken(clicker.id, 1), at(90));
    await drain();
    await foldAll();
    const report = await campaignReport(ws, campaign.id);
    expect(report.funnel).toMatchObject({ delivered: 2, replied: 1, clicked: 1 });
    expect(report.buttons.map((b) => [b.label, b.count])).toEqual([
      ["Show me", 1],
      ["Shop", 1],
    ]);
    expect(report.series.points.reduce((n, p) => n + p.clicked, 0)).toBe(1);
  });

  it("is the same after the rollups are rebuilt from the raw rows", async () => {
    const campaigns = await db.campaign.findMany({ where: { workspaceId: ws }, select: { id: true } });
    expect(campaigns.length).toBeGreaterThan(0);
    await foldAll();
    const before = await Promise.all(campaigns.map((c) => campaignReport(ws, c.id)));
    await db.$executeRaw`UPDATE "CampaignDay" SET n = n + 7 WHERE "workspaceId" = ${ws}`; // rollups gone wrong
    await rebuildRollups();
    expect(await Promise.all(campaigns.map((c) => campaignReport(ws, c.id)))).toEqual(before);
  });
});

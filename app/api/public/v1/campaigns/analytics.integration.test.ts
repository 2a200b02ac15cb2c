// Public API analytics: the campaign list and report, and template stats with transactional (API) messages
// kept apart from campaigns; each key sees its own workspace only.
import { beforeAll, describe, expect, it } from "vitest";
import { foldAll } from "@/lib/analytics/rollups";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { apiKeyFor, callApi } from "@/tests/public-api";
import { GET as templateStats } from "../templates/stats/route";
import { GET as report } from "./[id]/report/route";
import { GET as campaigns } from "./route";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let ws: string;
let key: string;
let otherKey: string;
let shipped: { id: string };
let promo: { id: string };
let campaign: { id: string };

beforeAll(async () => {
  ws = (await createWorkspace(["ADMIN"])).workspace.id;
  key = await apiKeyFor(ws, ["analytics:read"]);
  otherKey = await apiKeyFor((await createWorkspace(["ADMIN"])).workspace.id, ["analytics:read"]);
  const template = (name: string, category: "UTILITY" | "MARKETING") =>
    db.template.create({
      data: {
        workspaceId: ws,
        name,
        language: "en_US",
        category,
        status: "APPROVED",
        components: [{ type: "BODY", text: "Hello" }],
      },
    });
  shipped = await template("order_shipped", "UTILITY");
  promo = await template("autumn_offer", "MARKETING");
  const contacts = await Promise.all(
    Array.from({ length: 6 }, (_, i) => db.contact.create({ data: { workspaceId: ws, phone: `+3461140000${i}` } })),
  );
  const now = new Date();
  const api = { workspaceId: ws, origin: "api", createdAt: now };
  await db.message.createMany({
    data: [
      {
        ...api,
        contactId: contacts[0]!.id,
        templateId: shipped.id,
        category: "UTILITY",
        state: "DELIVERED",
        sentAt: now,
        deliveredAt: now,
      },
      {
        ...api,
        contactId: contacts[1]!.id,
        templateId: shipped.id,
        category: "UTILITY",
        state: "READ",
        sentAt: now,
        deliveredAt: now,
        readAt: now,
        linkClickedAt: now,
      },
      {
        ...api,
        contactId: contacts[2]!.id,
        templateId: shipped.id,
        category: "UTILITY",
        state: "FAILED",
        failedAt: now,
        errorCode: 131026,
      },
      { ...api, contactId: contacts[3]!.id, templateId: promo.id, category: "MARKETING", state: "SENT", sentAt: now },
      // Outside the range: 40 days ago.
      {
        ...api,
        contactId: contacts[4]!.id,
        templateId: shipped.id,
        category: "UTILITY",
        state: "READ",
        createdAt: new Date(Date.now() - 40 * 86_400_000),
      },
    ],
  });
  campaign = await db.campaign.create({
    data: {
      workspaceId: ws,
      name: "Autumn",
      templateId: promo.id,
      status: "COMPLETED",
      launchedAt: now,
      completedAt: now,
    },
  });
  await db.message.createMany({
    data: [
      {
        workspaceId: ws,
        campaignId: campaign.id,
        contactId: contacts[4]!.id,
        state: "DELIVERED",
        sentAt: now,
        deliveredAt: now,
        createdAt: now,
      },
      {
        workspaceId: ws,
        campaignId: campaign.id,
        contactId: contacts[5]!.id,
        state: "READ",
        sentAt: now,
        deliveredAt: now,
        readAt: now,
        createdAt: now,
      },
    ],
  });
  await foldAll();
});

describe("GET /templates/stats", () => {
  it("counts transactional messages per template and category, apart from the campaigns' totals", async () => {
    const answer = await callApi(templateStats, key, { path: `/templates/stats?from=${day(-1)}&to=${day(1)}` });
    expect(answer.status).toBe(200);
    expect(answer.body.transactional).toEqual([
      {
        templateId: shipped.id,
        template: "order_shipped",
        language: "en_US",
        category: "UTILITY",
        total: 3,
        pending: 0,
        sent: 2,
        delivered: 2,
        read: 1,
        replied: 0,
        clicked: 1,
        failed: 1,
        skipped: 0,
      },
      {
        templateId: promo.id,
        template: "autumn_offer",
        language: "en_US",
        category: "MARKETING",
        total: 1,
        pending: 0,
        sent: 1,
        delivered: 0,
        read: 0,
        replied: 0,
        clicked: 0,
        failed: 0,
        skipped: 0,
      },
    ]);
    expect(answer.body.campaigns).toEqual([
      {
        templateId: promo.id,
        template: "autumn_offer",
        language: "en_US",
        category: "MARKETING",
        campaigns: 1,
        pending: 0,
        sent: 2,
        delivered: 2,
        read: 1,
        replied: 0,
        clicked: 0,
        failed: 0,
        skipped: 0,
      },
    ]);
  });

  it("refuses a range that is not one, and shows another workspace nothing", async () => {
    const reversed = await callApi(templateStats, key, { path: `/templates/stats?from=${day(1)}&to=${day(-1)}` });
    expect(reversed.status).toBe(422);
    expect(reversed.body.errors).toEqual([{ field: "query.from", message: expect.stringMatching(/on or before/) }]);
    const nonDay = await callApi(templateStats, key, { path: "/templates/stats?from=2026-02-30&to=2026-03-02" });
    expect(nonDay.status).toBe(422);
    expect(nonDay.body.errors).toEqual([{ field: "query.from", message: "2026-02-30 is not a day of the calendar." }]);

    const other = await callApi(templateStats, otherKey, { path: `/templates/stats?from=${day(-1)}&to=${day(1)}` });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ transactional: [], campaigns: [] });
  });
});

describe("GET /campaigns and /campaigns/{id}/report", () => {
  it("lists the workspace's campaigns with their funnel, a page at a time", async () => {
    // Explicit times: two rows created in one millisecond would be ordered by id, which is random.
    for (const [name, later] of [
      ["Winter", 1000],
      ["Spring", 2000],
    ] as const) {
      await db.campaign.create({ data: { workspaceId: ws, name, createdAt: new Date(Date.now() + later) } });
    }
    const first = await callApi(campaigns, key, { path: "/campaigns?limit=2" });
    expect(first.status).toBe(200);
    expect(first.body.data.map((c: { name: string }) => c.name)).toEqual(["Spring", "Winter"]);
    const second = await callApi(campaigns, key, { path: `/campaigns?limit=2&cursor=${first.body.nextCursor}` });
    expect(second.body.data).toEqual([
      expect.objectContaining({
        id: campaign.id,
        name: "Autumn",
        status: "COMPLETED",
        template: expect.objectContaining({ name: "autumn_offer" }),
        funnel: expect.objectContaining({ sent: 2, delivered: 2, read: 1 }),
      }),
    ]);
    expect(second.body.nextCursor).toBeNull();
    const completed = await callApi(campaigns, key, { path: "/campaigns?status=COMPLETED" });
    expect(completed.body.data.map((c: { id: string }) => c.id)).toEqual([campaign.id]);

    expect((await callApi(campaigns, otherKey, { path: "/campaigns" })).body.data).toEqual([]);
  });

  it("answers the report of its own campaign, 404 for another workspace's, 403 without the scope", async () => {
    const own = await callApi(report, key, { path: `/campaigns/${campaign.id}/report`, params: { id: campaign.id } });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ status: "COMPLETED", funnel: { targeted: 2, sent: 2, delivered: 2, read: 1 } });

    const theirs = await callApi(report, otherKey, {
      path: `/campaigns/${campaign.id}/report`,
      params: { id: campaign.id },
    });
    expect(theirs.status).toBe(404);

    const noScope = await apiKeyFor(ws, ["contacts:read"]);
    expect(
      (await callApi(report, noScope, { path: `/campaigns/${campaign.id}/report`, params: { id: campaign.id } }))
        .status,
    ).toBe(403);
    expect((await callApi(templateStats, noScope, { path: "/templates/stats" })).status).toBe(403);
  });
});

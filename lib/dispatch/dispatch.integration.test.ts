// The sending invariants (DESIGN.md 1-3) against the real database and a sandbox over HTTP: each
// recipient is sent at most once and ends in one explained state, whatever the workers, pauses,
// cancels, opt-outs and Meta's errors do.
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { recordConsentEvent } from "@/lib/consent/service";
import { cancelCampaign, launchCampaign, pauseCampaign, resumeCampaign, saveCampaign } from "@/lib/campaigns/service";
import { db } from "@/lib/db/client";
import { englishTranslator } from "@/lib/i18n/translator";
import {
  acceptedSends,
  addOptedInContacts,
  campaignInput,
  counts,
  dispatchUntil,
  launch,
  sandboxWorkspace,
  startDispatcher,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { jobsOf, runQueuedJobs } from "@/tests/factories";
import { drain } from "@/tests/whatsapp";
import { uploadMedia } from "@/lib/media/service";
import { NumberSender } from "./sender";

const open: SandboxWorkspace[] = [];
async function workspace(...args: Parameters<typeof sandboxWorkspace>) {
  const ws = await sandboxWorkspace(...args);
  open.push(ws);
  return ws;
}
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

/** Every accepted send's Parley message id, and the ids sent more than once. */
async function sentIds(base: string) {
  const ids = (await acceptedSends(base)).map((e) => e.body.biz_opaque_callback_data!.replace("pm:", ""));
  return { ids, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) };
}

describe("dispatch", () => {
  it("sends every eligible recipient exactly once and explains everyone else", async () => {
    const ws = await workspace({ contacts: 300 });
    const phones = {
      optedOut: "+34699000011",
      noConsent: "+34699000012",
      us: "+14155550123",
      unreachable: "+34699000013",
    };
    const contacts = await Promise.all(
      Object.values(phones).map((phone) => db.contact.create({ data: { workspaceId: ws.workspace.id, phone } })),
    );
    for (const c of contacts.filter((c) => c.phone !== phones.noConsent)) {
      await db.contactConsent.create({
        data: {
          contactId: c.id,
          consentListId: ws.list.id,
          workspaceId: ws.workspace.id,
          optedIn: c.phone !== phones.optedOut,
          changedAt: new Date(),
        },
      });
    }
    await db.contact.update({ where: { id: contacts[3]!.id }, data: { unreachable: true } });
    // A segment that takes everyone, so the contact without consent is targeted too.
    const segment = await db.segment.create({
      data: {
        workspaceId: ws.workspace.id,
        name: "All",
        rules: { match: "all", groups: [{ match: "all", conditions: [{ field: "phone", op: "not_empty" }] }] },
      },
    });

    const id = await launch(ws, { segmentIds: [segment.id] });
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(campaign.status).toBe("SENDING");
    expect(campaign.preflight).toMatchObject({ targeted: 304, willSend: 300 });

    await dispatchUntil(id);
    const { ids, duplicates } = await sentIds(ws.base);
    expect(duplicates).toEqual([]);
    expect(ids).toHaveLength(300);
    const skipped = await db.message.findMany({
      where: { campaignId: id, state: "SKIPPED" },
      select: { skipReason: true, contact: { select: { phone: true } } },
    });
    expect(Object.fromEntries(skipped.map((m) => [m.contact.phone, m.skipReason]))).toEqual({
      [phones.optedOut]: "opted_out",
      [phones.noConsent]: "no_consent",
      [phones.us]: "us_marketing_block",
      [phones.unreachable]: "not_on_whatsapp",
    });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("COMPLETED");
    // The sandbox's statuses arrive by webhook: every sent message moves on to delivered or read.
    await expect
      .poll(
        async () => {
          await drain();
          const c = await counts(id);
          return (c.DELIVERED ?? 0) + (c.READ ?? 0);
        },
        { timeout: 10_000 },
      )
      .toBe(300);
    const sent = await acceptedSends(ws.base);
    expect(sent[0]!.body).toMatchObject({
      type: "template",
      template: {
        name: "promo",
        components: expect.arrayContaining([
          {
            type: "body",
            parameters: [
              { type: "text", text: "Person" },
              { type: "text", text: "20%" },
            ],
          },
        ]),
      },
    });
  });

  it("uploads the header image to WhatsApp once and sends every recipient its id", async () => {
    const ws = await workspace({ contacts: 5 });
    const components = [
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["h"] } },
      ...(ws.template.components as object[]),
    ];
    await db.template.update({ where: { id: ws.template.id }, data: { components } });
    await fetch(`${ws.base}/_sandbox/templates`, {
      method: "POST",
      body: JSON.stringify({
        templates: [
          {
            id: ws.template.metaTemplateId,
            name: "promo",
            language: "en_US",
            category: "MARKETING",
            components,
            status: "APPROVED",
          },
        ],
      }),
    });
    const png = await sharp({ create: { width: 800, height: 418, channels: 3, background: "#6f4e37" } })
      .png()
      .toBuffer();
    const asset = await uploadMedia(ws.workspace.id, ws.users.MARKETER.id, { name: "autumn.png", bytes: png });
    const id = await launch(ws, { headerMediaId: asset.id });
    await dispatchUntil(id);
    const { entries } = (await (await fetch(`${ws.base}/_sandbox/log`)).json()) as {
      entries: {
        path: string;
        body: { template?: { components: { type: string; parameters: { image?: { id: string } }[] }[] } };
      }[];
    };
    expect(entries.filter((e) => e.path.endsWith("/media"))).toHaveLength(1);
    const headers = entries.flatMap((e) => e.body?.template?.components.filter((c) => c.type === "header") ?? []);
    expect(headers).toHaveLength(5);
    expect(new Set(headers.map((h) => h.parameters[0]!.image!.id)).size).toBe(1);
  });

  it("launches once however many times it is asked at once", async () => {
    const ws = await workspace({ contacts: 5 });
    const user = ws.userOf("MARKETER");
    const { id } = await saveCampaign(user, campaignInput(ws));
    const results = await Promise.all([launchCampaign(user, id), launchCampaign(user, id), launchCampaign(user, id)]);
    expect(results.filter((r) => !r.alreadyLaunched)).toHaveLength(1);
    expect(await jobsOf(ws.workspace.id, "campaigns.start")).toHaveLength(1);
    await runQueuedJobs(ws.workspace.id);
    await runQueuedJobs(ws.workspace.id);
    expect(await db.message.count({ where: { campaignId: id } })).toBe(5);
    await dispatchUntil(id);
    expect((await sentIds(ws.base)).ids).toHaveLength(5);
  });

  it("never sends a message twice from two workers claiming at once", async () => {
    const ws = await workspace({ contacts: 400 });
    const id = await launch(ws);
    const a = new NumberSender(ws.workspace.id, `worker-${Math.random()}`);
    const b = new NumberSender(ws.workspace.id, `worker-${Math.random()}`);
    for (
      let i = 0;
      i < 50 && (await db.message.count({ where: { campaignId: id, state: { in: ["QUEUED", "CLAIMED"] } } })) > 0;
      i++
    ) {
      await Promise.all([
        a.step({ transactional: false, campaignIds: [id] }),
        b.step({ transactional: false, campaignIds: [id] }),
      ]);
    }
    const { ids, duplicates } = await sentIds(ws.base);
    expect(duplicates).toEqual([]);
    expect(ids).toHaveLength(400);
  });

  it("stops within a second of a pause, and finishes after resume", async () => {
    const ws = await workspace({ contacts: 60 });
    const id = await launch(ws, { sendRatePerSec: 20 });
    const user = ws.userOf("MARKETER");
    const dispatcher = startDispatcher([ws.workspace.id]);
    const running = (async () => {
      for (let i = 0; i < 10; i++) await dispatcher.round();
    })();
    // Pause once it is really sending.
    await expect
      .poll(async () => (await acceptedSends(ws.base)).length, { interval: 20, timeout: 10_000 })
      .toBeGreaterThan(0);
    await pauseCampaign(user, id);
    const pausedAt = Date.now();
    await running;
    await dispatcher.close();
    const sends = await acceptedSends(ws.base);
    const late = sends.filter((e) => Date.parse((e as unknown as { at: string }).at) > pausedAt + 1000);
    expect(late).toEqual([]);
    expect(sends.length).toBeGreaterThan(0);
    expect(sends.length).toBeLessThan(60);
    expect(await db.message.count({ where: { campaignId: id, state: "CLAIMED" } })).toBe(0);

    await resumeCampaign(user, id);
    await dispatchUntil(id);
    expect((await sentIds(ws.base)).ids).toHaveLength(60);
    expect((await sentIds(ws.base)).duplicates).toEqual([]);
  });

  it(
    "goes on sending for a workspace whose neighbour's Cloud API stopped answering",
    { timeout: 120_000 },
    async () => {
      // Every send of the first workspace's number is accepted but never answered in time (10 s deadline),
      // while the second's campaign takes 15 s at its pace: the silent number is held back meanwhile.
      const silent = await workspace({ contacts: 40, sandbox: { faults: { hangShare: 1, hangMs: 60_000 } } });
      const healthy = await workspace({ contacts: 1200 });
      await launch(silent, { sendRatePerSec: 20 });
      const id = await launch(healthy, { sendRatePerSec: 80 });
      const dispatcher = startDispatcher([silent.workspace.id, healthy.workspace.id]);
      const began = Date.now();
      let longest = 0;
      try {
        while ((await db.campaign.findUniqueOrThrow({ where: { id } })).status === "SENDING") {
          if (Date.now() - began > 90_000) throw new Error(`not finished: ${JSON.stringify(await counts(id))}`);
          const started = Date.now();
          await dispatcher.round();
          longest = Math.max(longest, Date.now() - started);
          await drain();
        }
      } finally {
        await dispatcher.close();
      }
      expect(Date.now() - began).toBeGreaterThan(11_000); // the silent number's first deadline passed meanwhile
      expect((await sentIds(healthy.base)).ids).toHaveLength(1200);
      // A batch is half a second on an idle machine, more with the app building beside the tests; a round held by the
      // silent number would take its five-second hold.
      expect(longest).toBeLessThan(4_000);
    },
  );

  it("cancels: nothing more goes and the rest are skipped as cancelled", async () => {
    const ws = await workspace({ contacts: 60 });
    const id = await launch(ws, { sendRatePerSec: 20 });
    const dispatcher = startDispatcher([ws.workspace.id]);
    await dispatcher.round();
    await cancelCampaign(ws.userOf("MARKETER"), id);
    await dispatcher.round();
    await dispatcher.close();
    const sent = (await sentIds(ws.base)).ids.length;
    const c = await counts(id);
    expect(c.SKIPPED).toBe(60 - sent);
    expect(await db.message.count({ where: { campaignId: id, skipReason: "cancelled" } })).toBe(60 - sent);
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
  });

  it("skips the remaining message of a contact who opts out mid-campaign", async () => {
    const ws = await workspace({ contacts: 40 });
    const id = await launch(ws, { sendRatePerSec: 40 });
    const last = await db.message.findFirstOrThrow({
      where: { campaignId: id },
      orderBy: { contact: { phone: "desc" } },
      select: { contactId: true },
    });
    // Due later than everyone else, so the opt-out lands before its turn.
    await db.message.updateMany({
      where: { campaignId: id, contactId: last.contactId },
      data: { nextAttemptAt: new Date(Date.now() + 1500) },
    });
    await recordConsentEvent({
      workspaceId: ws.workspace.id,
      contactId: last.contactId,
      consentListId: null,
      action: "OPT_OUT",
      source: "KEYWORD",
      proof: "STOP",
    });
    await dispatchUntil(id, undefined, 20_000);
    expect(await db.message.findFirstOrThrow({ where: { campaignId: id, contactId: last.contactId } })).toMatchObject({
      state: "SKIPPED",
      skipReason: "opted_out",
    });
    expect((await sentIds(ws.base)).ids).toHaveLength(39);
  });

  it("records an opt-out on 131050 and marks the number unreachable on 131026", async () => {
    const ws = await workspace();
    await addOptedInContacts(ws.workspace.id, ws.list.id, 3, "+346990"); // …00003, …00004, …00005
    const stopped = await db.contact.create({ data: { workspaceId: ws.workspace.id, phone: "+34699900001" } });
    const absent = await db.contact.create({ data: { workspaceId: ws.workspace.id, phone: "+34699900000" } });
    for (const c of [stopped, absent])
      await db.contactConsent.create({
        data: {
          contactId: c.id,
          consentListId: ws.list.id,
          workspaceId: ws.workspace.id,
          optedIn: true,
          changedAt: new Date(Date.now() - 60_000),
        },
      });
    const id = await launch(ws);
    await dispatchUntil(id);
    await expect
      .poll(
        async () => {
          await drain();
          return (await db.message.findFirstOrThrow({ where: { campaignId: id, contactId: stopped.id } })).state;
        },
        { timeout: 10_000 },
      )
      .toBe("FAILED");
    await expect
      .poll(
        async () => {
          await drain();
          return (await db.contact.findUniqueOrThrow({ where: { id: absent.id } })).unreachable;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const failed = await db.message.findFirstOrThrow({ where: { campaignId: id, contactId: stopped.id } });
    expect(failed.errorCode).toBe(131050);
    expect(englishTranslator.message(failed.errorReason!)).toMatch(/stopped marketing messages/);
    expect(await db.consentEvent.findFirst({ where: { contactId: stopped.id, action: "OPT_OUT" } })).toMatchObject({
      source: "ERROR_131050",
    });
    expect(await db.contactConsent.findFirstOrThrow({ where: { contactId: stopped.id } })).toMatchObject({
      optedIn: false,
    });
  });

  it("backs off on 130429 and still sends everyone once", async () => {
    // The number says 1,000/s but Meta (the sandbox) takes 20/s: the pacer must slow down.
    const ws = await workspace({ contacts: 120, sandbox: { throughputPerSecond: 20 } });
    const id = await launch(ws);
    await dispatchUntil(id, undefined, 30_000);
    const stats = (await (await fetch(`${ws.base}/_sandbox/stats`)).json()) as {
      rejected130429: number;
      accepted: number;
    };
    expect(stats.rejected130429).toBeGreaterThan(0);
    expect(stats.accepted).toBe(120);
    expect((await sentIds(ws.base)).duplicates).toEqual([]);
    expect(await counts(id)).not.toHaveProperty("QUEUED");
  });

  it("retries a recipient later on 131056 (too many messages to one person) and still sends once per campaign", async () => {
    // Meta lets a business send one person a burst, then one message per refill period.
    const ws = await workspace({ contacts: 3, sandbox: { pairBurst: 1, pairRefillSeconds: 1 } });
    const first = await launch(ws);
    const second = await launch(ws, { name: "Second" });
    await dispatchUntil(
      second,
      async () =>
        (await db.message.count({
          where: { campaignId: { in: [first, second] }, state: { in: ["QUEUED", "CLAIMED"] } },
        })) === 0,
      30_000,
    );
    const stats = (await (await fetch(`${ws.base}/_sandbox/stats`)).json()) as { rejected131056: number };
    expect(stats.rejected131056).toBeGreaterThan(0);
    const retried = await db.message.findMany({ where: { campaignId: { in: [first, second] }, attempts: { gt: 1 } } });
    expect(retried.length).toBeGreaterThan(0);
    const { ids, duplicates } = await sentIds(ws.base);
    expect(duplicates).toEqual([]);
    expect(ids).toHaveLength(6);
  });

  it("pauses the campaign with Meta's reason when the template is paused (132015)", async () => {
    const ws = await workspace({ contacts: 20 });
    await fetch(`${ws.base}/_sandbox/templates`, {
      method: "POST",
      body: JSON.stringify({
        templates: [
          {
            id: ws.template.metaTemplateId,
            name: "promo",
            language: "en_US",
            category: "MARKETING",
            components: ws.template.components,
            status: "PAUSED",
          },
        ],
      }),
    });
    const id = await launch(ws);
    await dispatchUntil(id);
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id } });
    expect(campaign.status).toBe("PAUSED");
    expect(englishTranslator.message(campaign.statusReason!)).toMatch(/132015.*paused by Meta for low quality/);
    expect(await counts(id)).toEqual({ QUEUED: 20 });
    expect(await db.auditLog.count({ where: { targetId: id, action: "campaign.paused_by_meta" } })).toBe(1);
  });

  it("schedules each recipient at the local time of their own time zone", async () => {
    const ws = await workspace();
    const madrid = await db.contact.create({
      data: { workspaceId: ws.workspace.id, phone: "+34699800001", timeZone: "Europe/Madrid" },
    });
    const tokyo = await db.contact.create({
      data: { workspaceId: ws.workspace.id, phone: "+81901234567", timeZone: "Asia/Tokyo" },
    });
    const unknown = await db.contact.create({
      data: { workspaceId: ws.workspace.id, phone: "+34699800002", timeZone: null },
    });
    for (const c of [madrid, tokyo, unknown])
      await db.contactConsent.create({
        data: {
          contactId: c.id,
          consentListId: ws.list.id,
          workspaceId: ws.workspace.id,
          optedIn: true,
          changedAt: new Date(),
        },
      });
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const user = ws.userOf("MARKETER");
    const { id } = await saveCampaign(user, campaignInput(ws, { schedule: { mode: "local", at: `${day}T10:00` } }));
    await launchCampaign(user, id);
    const [job] = await jobsOf(ws.workspace.id, "campaigns.start");
    // The start runs when the first time zone (UTC+14) reaches 10:00 (the helper runs it now).
    expect(job!.startAfter.toISOString()).toBe(
      `${new Date(Date.parse(`${day}T10:00:00Z`) - 14 * 3_600_000).toISOString()}`,
    );
    await runQueuedJobs(ws.workspace.id);
    const due = async (contactId: string) =>
      (await db.message.findFirstOrThrow({ where: { campaignId: id, contactId } })).nextAttemptAt!.toISOString();
    expect(await due(tokyo.id)).toBe(`${day}T01:00:00.000Z`); // 10:00 in Tokyo (UTC+9)
    const madridOffset =
      new Date(`${day}T12:00:00Z`).toLocaleString("en-GB", {
        timeZone: "Europe/Madrid",
        hour: "2-digit",
        hourCycle: "h23",
      }) === "13"
        ? 1
        : 2;
    expect(await due(madrid.id)).toBe(`${day}T${String(10 - madridOffset).padStart(2, "0")}:00:00.000Z`);
    expect(await due(unknown.id)).toBe(`${day}T10:00:00.000Z`); // the workspace's zone (UTC)
  });
});

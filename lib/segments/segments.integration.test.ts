import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordConsentEvent } from "@/lib/consent/service";
import { eraseContact } from "@/lib/contacts/privacy";
import { db } from "@/lib/db/client";
import { envelope, inboundChange } from "@/lib/whatsapp/webhook-payloads";
import { createWorkspace } from "@/tests/factories";
import { campaignWithMessages, connectAccount, drain, post } from "@/tests/whatsapp";
import type { SegmentRules } from "./schemas";
import { countSegment, segmentPreview } from "./service";

async function setup() {
  const { workspace, users } = await createWorkspace();
  const ws = workspace.id;
  const list = await db.consentList.create({ data: { workspaceId: ws, name: "Promotions" } });
  const people = [
    { phone: "+34610000201", name: "Ana", attributes: { tier: "gold", city: "Madrid" }, tags: ["vip"] },
    { phone: "+34610000202", name: "Bea", attributes: { tier: "Gold", city: "Sevilla" }, tags: [] },
    { phone: "+34610000203", name: "Carl", attributes: { tier: "silver", city: "Madrid" }, tags: ["vip"] },
    { phone: "+34610000204", name: "Dan", attributes: { city: "Bilbao" }, tags: [] },
  ];
  const contacts = [];
  for (const p of people) {
    const contact = await db.contact.create({ data: { workspaceId: ws, ...p } });
    await recordConsentEvent({
      workspaceId: ws,
      contactId: contact.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "WEB_FORM",
      proof: "Signup form v3",
    });
    contacts.push(contact);
  }
  return { ws, users, list, contacts };
}

const rules = (match: "all" | "any", ...groups: SegmentRules["groups"]): SegmentRules => ({ match, groups });

describe("segments", () => {
  it("count attribute, tag, consent and engagement rules with AND/OR groups and negations", async () => {
    const { ws, list, contacts } = await setup();
    const count = (r: SegmentRules) => countSegment(ws, r);
    const gold = { field: "attribute", op: "equals", key: "tier", value: "gold" } as const;
    expect(await count(rules("all", { match: "all", conditions: [gold] }))).toBe(1); // exact: Bea's "Gold" is not "gold"
    expect(await count(rules("all", { match: "all", conditions: [{ ...gold, op: "not_equals" }] }))).toBe(3); // Dan has no tier: kept
    expect(await count(rules("all", { match: "all", conditions: [{ ...gold, op: "contains", value: "GOL" }] }))).toBe(
      2,
    ); // contains ignores case
    expect(
      await count(
        rules("all", {
          match: "all",
          conditions: [{ field: "attribute", op: "in", key: "city", value: "Madrid, Bilbao" }],
        }),
      ),
    ).toBe(3);
    expect(
      await count(
        rules("all", { match: "all", conditions: [{ field: "attribute", op: "in", key: "city", value: "madrid" }] }),
      ),
    ).toBe(0);
    expect(
      await count(rules("all", { match: "all", conditions: [{ field: "attribute", op: "empty", key: "tier" }] })),
    ).toBe(1);
    expect(
      await count(rules("all", { match: "all", conditions: [{ field: "name", op: "contains", value: "a" }] })),
    ).toBe(4);
    expect(
      await count(rules("all", { match: "all", conditions: [{ field: "name", op: "contains", value: "%" }] })),
    ).toBe(0); // a literal %
    const vip = { field: "tag", op: "has", value: "VIP" } as const;
    expect(await count(rules("all", { match: "all", conditions: [gold, vip] }))).toBe(1);
    expect(await count(rules("all", { match: "any", conditions: [gold, vip] }))).toBe(2);
    expect(
      await count(
        rules(
          "any",
          { match: "all", conditions: [gold, vip] },
          { match: "all", conditions: [{ field: "attribute", op: "equals", key: "city", value: "Bilbao" }] },
        ),
      ),
    ).toBe(2);
    expect(
      await count(rules("all", { match: "all", conditions: [{ field: "created", op: "last_days", days: 1 }] })),
    ).toBe(4);

    const { messages } = await campaignWithMessages(ws, [contacts[0]!.phone!, contacts[1]!.phone!]);
    await db.message.update({ where: { id: messages[0]!.id }, data: { deliveredAt: new Date(), readAt: new Date() } });
    await db.message.update({ where: { id: messages[1]!.id }, data: { deliveredAt: new Date() } });
    const campaignId = messages[0]!.campaignId!;
    const delivered = { field: "engagement", op: "did", event: "received", campaignId } as const;
    const notRead = { field: "engagement", op: "did_not", event: "read", campaignId } as const;
    expect(await count(rules("all", { match: "all", conditions: [delivered, notRead] }))).toBe(1); // retarget: delivered, not read
    expect(
      await count(
        rules("all", { match: "all", conditions: [{ field: "engagement", op: "did", event: "read", days: 7 }] }),
      ),
    ).toBe(1);

    const preview = await segmentPreview(ws, rules("all", { match: "all", conditions: [gold] }));
    expect(preview).toMatchObject({ count: 1, contacts: [{ name: "Ana" }] });
    expect(
      await count(rules("all", { match: "all", conditions: [{ field: "consent", op: "opted_in", listId: list.id }] })),
    ).toBe(4);

    // "contains" ignores case beyond ASCII, on any machine's locale (the database's own Unicode rules).
    await db.contact.create({ data: { workspaceId: ws, phone: "+34610000205", name: "JOSÉ ÑANDÚ" } });
    expect(
      await count(rules("all", { match: "all", conditions: [{ field: "name", op: "contains", value: "josé ñandú" }] })),
    ).toBe(1);
  });

  it("previews the newest ten in the segment, newest first, also when they are older than the newest 20,000 contacts", async () => {
    const { workspace } = await createWorkspace();
    const ws = workspace.id;
    const day = 86_400_000;
    await db.contact.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        workspaceId: ws,
        name: `Gold ${i}`,
        attributes: { tier: "gold" },
        createdAt: new Date(Date.now() - (i + 2) * day),
      })),
    });
    const gold = { field: "attribute", op: "equals", key: "tier", value: "gold" } as const;
    const preview = async () =>
      (await segmentPreview(ws, rules("all", { match: "all", conditions: [gold] }))).contacts.map((c) => c.name);
    const newestTen = Array.from({ length: 10 }, (_, i) => `Gold ${i}`);
    expect(await preview()).toEqual(newestTen);

    // 20,000 newer contacts, none of them gold: the ten are now past the newest 20,000.
    await db.$executeRaw`
      INSERT INTO "Contact" (id, "workspaceId", name, attributes, "createdAt", "updatedAt")
      SELECT ${ws}::text || '-newer-' || n, ${ws}, 'Newer ' || n, '{"tier": "silver"}', now() - make_interval(secs => n), now()
      FROM generate_series(1, 20000) n`;
    expect(await preview()).toEqual(newestTen);
  });

  it("find people by their WhatsApp user id and username, those without a phone included", async () => {
    const { ws } = await setup();
    await db.contact.create({ data: { workspaceId: ws, bsuid: "ES.8100000000000000001", username: "marta.rivera" } });
    await db.contact.create({ data: { workspaceId: ws, phone: "+34610000299", bsuid: "PT.8100000000000000002" } });
    const one = (
      field: "bsuid" | "username" | "phone",
      op: "equals" | "contains" | "empty" | "not_empty",
      value = "",
    ) => countSegment(ws, rules("all", { match: "all", conditions: [{ field, op, value }] }));
    expect(await one("bsuid", "equals", "ES.8100000000000000001")).toBe(1);
    expect(await one("bsuid", "contains", "pt.")).toBe(1);
    expect(await one("bsuid", "not_empty")).toBe(2);
    expect(await one("username", "contains", "MARTA")).toBe(1);
    expect(await one("phone", "empty")).toBe(1); // the username-only person
  });

  it("leave out a record merged into another person, which stays only for its history", async () => {
    const { ws, contacts } = await setup();
    const gold = rules("all", {
      match: "all",
      conditions: [{ field: "attribute", op: "equals", key: "tier", value: "gold" }],
    });
    const before = await countSegment(ws, gold);
    // What mergeContacts leaves when both records had received one campaign: no identity, attributes kept.
    await db.contact.create({
      data: { workspaceId: ws, name: "Ana (old record)", attributes: { tier: "gold" }, mergedIntoId: contacts[0]!.id },
    });
    expect(await countSegment(ws, gold)).toBe(before);
    expect((await segmentPreview(ws, gold)).contacts.map((c) => c.name)).not.toContain("Ana (old record)");
  });

  it("counts any mix of engagement rules as the rules read, message by message", async () => {
    const { ws, contacts } = await setup();
    const [spring, summer] = [await campaignWithMessages(ws, []), await campaignWithMessages(ws, [])].map(
      (c) => c.campaign.id,
    );
    const day = 24 * 3600 * 1000;
    const STAGE_AT = { received: "deliveredAt", read: "readAt", replied: "repliedAt", clicked: "repliedAt" } as const;
    // Each contact: for each campaign, no message or a message that reached some stages 2 or 20 days ago.
    const stageOf = fc.option(fc.constantFrom(2, 20), { nil: undefined });
    const message = fc.option(
      fc.record({ deliveredAt: stageOf, readAt: stageOf, repliedAt: stageOf, clicked: fc.boolean() }),
      { nil: undefined },
    );
    const condition = fc
      .record({
        field: fc.constant("engagement" as const),
        op: fc.constantFrom("did" as const, "did_not" as const),
        event: fc.constantFrom("received" as const, "read" as const, "replied" as const, "clicked" as const),
        campaignId: fc.constantFrom(spring!, summer!, undefined),
        days: fc.constantFrom(7, 30, undefined),
      })
      .filter((c) => Boolean(c.campaignId || c.days));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(message, message), { minLength: contacts.length, maxLength: contacts.length }),
        fc.array(
          fc.record({
            match: fc.constantFrom("all" as const, "any" as const),
            conditions: fc.array(condition, { minLength: 1, maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 2 },
        ),
        fc.constantFrom("all" as const, "any" as const),
        async (sent, groups, match) => {
          await db.message.deleteMany({ where: { workspaceId: ws } });
          const held = new Map<
            string,
            { campaignId: string; at: Partial<Record<string, number>>; clicked: boolean }[]
          >();
          for (const [i, pair] of sent.entries()) {
            const contactId = contacts[i]!.id;
            held.set(contactId, []);
            for (const [k, m] of pair.entries()) {
              if (!m) continue;
              const campaignId = [spring!, summer!][k]!;
              const when = (ago?: number) => (ago === undefined ? null : new Date(Date.now() - ago * day));
              await db.message.create({
                data: {
                  workspaceId: ws,
                  campaignId,
                  contactId,
                  state: "DELIVERED",
                  deliveredAt: when(m.deliveredAt),
                  readAt: when(m.readAt),
                  repliedAt: when(m.repliedAt),
                  clickedButton: m.clicked && m.repliedAt ? "DEALS" : null,
                },
              });
              held.get(contactId)!.push({
                campaignId,
                at: { deliveredAt: m.deliveredAt, readAt: m.readAt, repliedAt: m.repliedAt },
                clicked: m.clicked && m.repliedAt !== undefined,
              });
            }
          }
          // The rules as a marketer reads them, one contact at a time.
          const did = (contactId: string, c: { event: keyof typeof STAGE_AT; campaignId?: string; days?: number }) =>
            held.get(contactId)!.some((m) => {
              const ago = m.at[STAGE_AT[c.event]];
              const reached = ago !== undefined && (c.event !== "clicked" || m.clicked);
              return (!c.campaignId || m.campaignId === c.campaignId) && reached && (!c.days || ago! <= c.days);
            });
          const holds = (contactId: string) => {
            const group = (g: (typeof groups)[number]) =>
              g.conditions[g.match === "all" ? "every" : "some"]((c) => did(contactId, c) === (c.op === "did"));
            return groups[match === "all" ? "every" : "some"](group);
          };
          expect(await countSegment(ws, { match, groups })).toBe(contacts.filter((c) => holds(c.id)).length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("drops a contact from the count as soon as their STOP arrives by webhook", async () => {
    const { ws, list, contacts } = await setup();
    const number = await connectAccount(ws);
    const promotions: SegmentRules = rules("all", {
      match: "all",
      conditions: [
        { field: "consent", op: "opted_in", listId: list.id },
        { field: "tag", op: "has", value: "vip" },
      ],
    });
    expect(await countSegment(ws, promotions)).toBe(2);
    await post(
      envelope(number.wabaId, [
        inboundChange(number, {
          wamid: `wamid.stop.${ws}`,
          from: contacts[0]!.phone!.slice(1),
          at: new Date(),
          text: "STOP",
        }),
      ]),
    );
    await drain();
    expect(await countSegment(ws, promotions)).toBe(1);
  });

  it("keeps each contact's consent copy in step with their consent through every kind of change", async () => {
    const { ws, users, contacts } = await setup();
    const lists = [
      (await db.consentList.findFirstOrThrow({ where: { workspaceId: ws } })).id,
      (await db.consentList.create({ data: { workspaceId: ws, name: "Order updates", category: "UTILITY" } })).id,
      (await db.consentList.create({ data: { workspaceId: ws, name: "Newsletter" } })).id,
    ];
    const change = fc.record({
      kind: fc.constantFrom("list", "list", "global", "erase", "drop_list"),
      who: fc.integer({ min: 0, max: contacts.length - 1 }),
      list: fc.integer({ min: 0, max: lists.length - 1 }),
      optIn: fc.boolean(),
      secondsAgo: fc.integer({ min: 0, max: 3 }),
    });
    const erased = new Set<number>();
    const dropped = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 12 }), async (changes) => {
        for (const c of changes) {
          const contactId = contacts[c.who]!.id;
          const occurredAt = new Date(Date.now() - c.secondsAgo * 1000);
          const action = c.optIn ? "OPT_IN" : "OPT_OUT";
          if (erased.has(c.who) || (c.kind === "list" && dropped.has(c.list))) continue;
          if (c.kind === "list")
            await recordConsentEvent({
              workspaceId: ws,
              contactId,
              consentListId: lists[c.list]!,
              action,
              source: "ADMIN",
              proof: "test",
              occurredAt,
            });
          if (c.kind === "global")
            await recordConsentEvent({
              workspaceId: ws,
              contactId,
              consentListId: null,
              action,
              source: "KEYWORD",
              occurredAt,
            });
          if (c.kind === "erase" && c.who > 1) {
            await eraseContact(ws, users.ADMIN.id, contactId);
            erased.add(c.who);
          }
          if (c.kind === "drop_list" && c.list > 0) {
            await db.consentList.deleteMany({ where: { id: lists[c.list]! } }); // its consent rows go with it
            dropped.add(c.list);
          }
        }
        const copies = await db.contact.findMany({
          where: { workspaceId: ws },
          select: { id: true, optedInListIds: true },
        });
        for (const { id, optedInListIds } of copies) {
          const states = await db.contactConsent.findMany({
            where: { contactId: id, optedIn: true },
            select: { consentListId: true },
          });
          expect([...optedInListIds].sort()).toEqual(states.map((s) => s.consentListId).sort());
        }
        for (const listId of lists) {
          const optedIn = await db.contactConsent.count({ where: { consentListId: listId, optedIn: true } });
          expect(
            await countSegment(
              ws,
              rules("all", { match: "all", conditions: [{ field: "consent", op: "opted_in", listId }] }),
            ),
          ).toBe(optedIn);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("keeps both of two consent changes made to one contact at the same time", async () => {
    const { ws, contacts } = await setup();
    const [promotions, news] = [
      (await db.consentList.findFirstOrThrow({ where: { workspaceId: ws } })).id,
      (await db.consentList.create({ data: { workspaceId: ws, name: "Newsletter" } })).id,
    ];
    const contactId = contacts[0]!.id;
    const change = (
      consentListId: string,
      action: "OPT_IN" | "OPT_OUT",
      tx?: Parameters<typeof recordConsentEvent>[1],
    ) => recordConsentEvent({ workspaceId: ws, contactId, consentListId, action, source: "ADMIN", proof: "test" }, tx);
    // The first change stays open while the second is made: the second waits, then lands on top of it.
    let second: Promise<void> | undefined;
    await db.$transaction(async (tx) => {
      await change(promotions, "OPT_OUT", tx);
      second = change(news, "OPT_IN");
      // Until the second is seen waiting for this transaction's lock (polled on another connection).
      for (let waiting = 0; waiting === 0;) {
        [{ waiting }] = await db.$queryRaw<[{ waiting: number }]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      }
    });
    await second;
    expect(await db.contact.findUniqueOrThrow({ where: { id: contactId }, select: { optedInListIds: true } })).toEqual({
      optedInListIds: [news],
    });
  });
});

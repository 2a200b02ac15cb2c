// The demo workspace: a user per role, ~500 contacts with consent, approved templates (a carousel among them), two segments,
// campaigns sent with their deliveries, reads, failures, replies and button taps, a draft for next week, order
// updates the shop sent through the public API, journeys (one live with history: lib/seed/demo-journeys.ts), a
// finished contact import (lib/seed/demo-import.ts) and the CRM's webhook endpoint with its log (lib/seed/demo-webhooks.ts).
// Seeding runs in one transaction and only when the demo workspace is missing, so it is idempotent.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db, type Prisma } from "@/lib/db/client";
import { trackedLinkBase } from "@/lib/campaigns/links";
import { campaignInputSchema } from "@/lib/campaigns/schemas";
import { draftData } from "@/lib/campaigns/service";
import { messageKey } from "@/lib/i18n/message-key";
import { foldAll } from "@/lib/analytics/rollups";
import { cardAt, estimateWithCard, SHIPPED_CARDS, shippedPriceMicros } from "@/lib/pricing/rates";
import { classifyError } from "@/lib/whatsapp/errors";
import { bsuidForPhone } from "@/lib/whatsapp/webhook-payloads";
import { FLOW_TEMPLATES, seedFlows } from "./demo-flows";
import { seedContactImport } from "./demo-import";
import { JOURNEY_TEMPLATES, seedJourneys } from "./demo-journeys";
import { seedPricing } from "./demo-pricing";
import { DEMO_USERS, DEMO_WORKSPACE_SLUG } from "./demo-users";
import { seedWebhookEndpoint } from "./demo-webhooks";

export { DEMO_USERS, DEMO_WORKSPACE_SLUG };

export const DEMO_CONTACT_COUNT = 500;

const FIRST = [
  "Ana",
  "Bruno",
  "Chen",
  "Divya",
  "Emma",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Kofi",
  "Lucia",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Quentin",
  "Rosa",
  "Sven",
  "Tariq",
];
const LAST = [
  "Silva",
  "Garcia",
  "Wang",
  "Patel",
  "Müller",
  "Haddad",
  "Okafor",
  "Rossi",
  "Dubois",
  "Kim",
  "Nowak",
  "Santos",
  "Ahmed",
  "Jensen",
  "Costa",
];
// Country, prefix of a mobile number, digits that follow, locale and time zone.
const MARKETS = [
  { prefix: "+3461", digits: 7, locale: "es_ES", timeZone: "Europe/Madrid", city: "Madrid" },
  { prefix: "+447400", digits: 6, locale: "en_GB", timeZone: "Europe/London", city: "London" },
  { prefix: "+55119", digits: 8, locale: "pt_BR", timeZone: "America/Sao_Paulo", city: "São Paulo" },
  { prefix: "+91981", digits: 7, locale: "en_US", timeZone: "Asia/Kolkata", city: "Mumbai" },
  { prefix: "+4915", digits: 9, locale: "de_DE", timeZone: "Europe/Berlin", city: "Berlin" },
  { prefix: "+1415555", digits: 4, locale: "en_US", timeZone: "America/Los_Angeles", city: "San Francisco" },
];

/** Deterministic pseudo-random numbers, so every seeded database holds the same demo. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The first demo contacts are the admins' test phones for Settings → WhatsApp → Send test (a test is a real
 * message, so it goes only to a contact who opted in): the first receives anything; the second has stopped
 * marketing in WhatsApp's own settings (the sandbox answers marketing to numbers ending 0001 with 131050).
 */
export const DEMO_TEST_PHONES = ["+447400900555", "+34610990001"];

export function demoContacts(count = DEMO_CONTACT_COUNT) {
  const random = mulberry32(42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const market = MARKETS[i % MARKETS.length]!;
    const number = String(i * 7919 + 1000)
      .padStart(market.digits, "0")
      .slice(-market.digits);
    const testPhone = DEMO_TEST_PHONES[i];
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const phone = testPhone ?? `${market.prefix}${number}`;
    // One in twelve has adopted a WhatsApp username; their messages taught Parley the BSUID WhatsApp gives them
    // (the one the sandbox's webhooks carry for that phone).
    const known =
      i % 12 === 11
        ? {
            bsuid: bsuidForPhone(phone),
            username: `${name
              .normalize("NFD")
              .replace(/[\u0300-\u036f]/g, "")
              .toLowerCase()
              .replace(/\W+/g, ".")}.${i}`,
          }
        : {};
    return {
      phone,
      ...known,
      name,
      locale: market.locale,
      timeZone: market.timeZone,
      attributes: { city: market.city, loyaltyTier: pick(["bronze", "silver", "gold"]) },
      tags: random() < 0.3 ? ["vip"] : [],
      optedOut: random() < 0.04 && !testPhone,
    };
  });
}

/** Template buttons that open Parley's tracked redirect (lib/campaigns/links.ts), so the report counts opens. */
const trackedUrl = () => `${trackedLinkBase()}{{1}}`;

const summerSale = (): Prisma.InputJsonValue => [
  { type: "HEADER", format: "IMAGE", example: { header_handle: ["demo-summer-sale.jpg"] } },
  {
    type: "BODY",
    text: "Hi {{1}}, our summer sale is on! Get *{{2}} off* everything until Sunday.",
    example: { body_text: [["Ana", "25%"]] },
  },
  { type: "FOOTER", text: "Reply STOP to unsubscribe" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Show me deals" },
      { type: "QUICK_REPLY", text: "Stop promotions" },
      { type: "URL", text: "Shop now", url: trackedUrl(), example: ["demo-link"] },
    ],
  },
];

const autumnMenu = (): Prisma.InputJsonValue => [
  {
    type: "BODY",
    text: "{{1}}, our autumn menu is here: pumpkin spice, chestnut latte and more.",
    example: { body_text: [["Ana"]] },
  },
  { type: "FOOTER", text: "Reply STOP to unsubscribe" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Book a table" },
      { type: "URL", text: "See the menu", url: trackedUrl(), example: ["demo-link"] },
    ],
  },
];

/** A media-card carousel: the message, then three blends to swipe through, each with a reply and a link. */
const winterBlends = (): Prisma.InputJsonValue => [
  {
    type: "BODY",
    text: "{{1}}, three winter blends just landed. Swipe to find yours.",
    example: { body_text: [["Ana"]] },
  },
  {
    type: "CAROUSEL",
    cards: [
      { text: "Chestnut & cocoa, slow roasted.", slug: "chestnut" },
      { text: "Spiced orange, bright and warm.", slug: "orange" },
      { text: "Dark maple, our strongest.", slug: "maple" },
    ].map(({ text, slug }) => ({
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: [`demo-${slug}.jpg`] } },
        { type: "BODY", text },
        {
          type: "BUTTONS",
          buttons: [
            { type: "QUICK_REPLY", text: "I want this one" },
            // "Count clicks", as the builder saves it: Parley's tracked redirect (the campaign gives the address).
            { type: "URL", text: "Shop", url: trackedUrl(), example: ["demo-link"] },
          ],
        },
      ],
    })),
  },
];

const ORDER_SHIPPED: Prisma.InputJsonValue = [
  {
    type: "BODY",
    text: "Good news, {{1}}! Your order {{2}} has shipped and should arrive by {{3}}.",
    example: { body_text: [["Ana", "#10423", "Friday"]] },
  },
  {
    type: "BUTTONS",
    buttons: [{ type: "URL", text: "Track order", url: "https://shop.example.com/track/{{1}}", example: ["10423"] }],
  },
];

export async function seedDemo(): Promise<{ created: boolean }> {
  if (await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE_SLUG }, select: { id: true } })) {
    return { created: false };
  }
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  const contacts = demoContacts();

  await db.$transaction(
    async (tx) => {
      const workspace = await tx.workspace.create({
        data: { name: "Acme Coffee Co.", slug: DEMO_WORKSPACE_SLUG, defaultCountry: "ES", timeZone: "Europe/Madrid" },
      });
      const ws = workspace.id;
      const userIds = new Map<string, string>(); // role → id
      for (const [i, user] of DEMO_USERS.entries()) {
        const { id } = await tx.user.upsert({
          where: { email: user.email },
          update: {},
          create: { email: user.email, name: user.name, passwordHash: hashes[i]! },
        });
        await tx.membership.create({ data: { workspaceId: ws, userId: id, role: user.role } });
        userIds.set(user.role, id);
      }
      const [promotions, orders] = await Promise.all([
        tx.consentList.create({
          data: {
            workspaceId: ws,
            name: "Promotions",
            description: "Offers and news, at most weekly",
            category: "MARKETING",
          },
        }),
        tx.consentList.create({
          data: {
            workspaceId: ws,
            name: "Order updates",
            description: "Shipping and delivery notices",
            category: "UTILITY",
          },
        }),
      ]);

      // Every generated contact has a phone, a twelfth a username and BSUID too (the username-only person is
      // added with the inbox below).
      const created = (
        await tx.contact.createManyAndReturn({
          data: contacts.map(({ optedOut: _, ...c }) => ({ workspaceId: ws, ...c })),
          select: { id: true, phone: true },
        })
      ).map((c) => ({ id: c.id, phone: c.phone! }));
      const optedOut = new Set(contacts.filter((c) => c.optedOut).map((c) => c.phone));
      const joined = new Date(Date.now() - 90 * 86_400_000);
      const left = new Date(Date.now() - 10 * 86_400_000);
      const events: Prisma.ConsentEventCreateManyInput[] = [];
      const states: Prisma.ContactConsentCreateManyInput[] = [];
      for (const contact of created) {
        for (const list of [promotions, orders]) {
          events.push({
            workspaceId: ws,
            contactId: contact.id,
            consentListId: list.id,
            action: "OPT_IN",
            source: "WEB_FORM",
            proof: `Checkout form: "Send me ${list.name.toLowerCase()} on WhatsApp from Acme Coffee Co."`,
            occurredAt: joined,
          });
        }
        const out = optedOut.has(contact.phone);
        if (out) {
          events.push({
            workspaceId: ws,
            contactId: contact.id,
            consentListId: promotions.id,
            action: "OPT_OUT",
            source: "KEYWORD",
            proof: 'Replied "STOP"',
            occurredAt: left,
          });
        }
        states.push(
          {
            workspaceId: ws,
            contactId: contact.id,
            consentListId: promotions.id,
            optedIn: !out,
            changedAt: out ? left : joined,
          },
          { workspaceId: ws, contactId: contact.id, consentListId: orders.id, optedIn: true, changedAt: joined },
        );
      }
      await tx.consentEvent.createMany({ data: events });
      await tx.contactConsent.createMany({ data: states });

      const templates = await tx.template.createManyAndReturn({
        data: [
          {
            workspaceId: ws,
            name: "summer_sale",
            language: "en_US",
            category: "MARKETING",
            components: summerSale(),
            status: "APPROVED",
            quality: "GREEN",
            metaTemplateId: "9000000000001",
          },
          {
            workspaceId: ws,
            name: "autumn_menu",
            language: "en_US",
            category: "MARKETING",
            components: autumnMenu(),
            status: "APPROVED",
            quality: "GREEN",
            metaTemplateId: "9000000000003",
          },
          {
            workspaceId: ws,
            name: "winter_blends",
            language: "en_US",
            category: "MARKETING",
            components: winterBlends(),
            status: "APPROVED",
            quality: "GREEN",
            metaTemplateId: "9000000000004",
          },
          {
            workspaceId: ws,
            name: "order_shipped",
            language: "en_US",
            category: "UTILITY",
            components: ORDER_SHIPPED,
            status: "APPROVED",
            quality: "GREEN",
            metaTemplateId: "9000000000002",
          },
          ...JOURNEY_TEMPLATES.map((t, i) => ({
            workspaceId: ws,
            ...t,
            language: "en_US",
            status: "APPROVED" as const,
            quality: "GREEN" as const,
            metaTemplateId: `90000000001${i}`,
          })),
          ...FLOW_TEMPLATES.map((t, i) => ({
            workspaceId: ws,
            ...t,
            language: "en_US",
            status: "APPROVED" as const,
            quality: "GREEN" as const,
            metaTemplateId: `90000000002${i}`,
          })),
        ],
        select: { id: true, name: true },
      });
      const templateId = (name: string) => templates.find((t) => t.name === name)!.id;
      const marketerId = userIds.get("MARKETER")!;
      const common = { workspaceId: ws, listId: promotions.id, createdById: marketerId, contacts: created, optedOut };
      for (const profile of DEMO_CAMPAIGNS)
        await seedFinishedCampaign(tx, { ...common, ...profile, templateId: templateId(profile.template) });
      await seedTransactional(tx, ws, templateId("order_shipped"), created);
      await seedJourneys(tx, ws, marketerId, templateId, created, mulberry32(18));
      await seedFlows(tx, ws, {
        publisherId: marketerId,
        templateId: templateId("nps_survey"),
        listId: promotions.id,
        contacts: created,
        optedOut,
        random: mulberry32(19),
      });
      await seedUsernameOnly(tx, ws, promotions.id);
      await seedPricing(tx, ws);
      const segments = await tx.segment.createManyAndReturn({
        data: [
          {
            workspaceId: ws,
            name: "VIP customers",
            rules: {
              match: "all",
              groups: [{ match: "all", conditions: [{ field: "tag", op: "has", value: "vip" }] }],
            },
          },
          {
            workspaceId: ws,
            name: "Gold tier",
            rules: {
              match: "all",
              groups: [
                { match: "all", conditions: [{ field: "attribute", key: "loyaltyTier", op: "equals", value: "gold" }] },
              ],
            },
          },
        ],
        select: { id: true, name: true },
      });
      await seedDraftCampaign(tx, {
        workspaceId: ws,
        templateId: templateId("autumn_menu"),
        listId: promotions.id,
        segmentId: segments.find((s) => s.name === "VIP customers")!.id,
        createdById: marketerId,
      });
      await seedContactImport(tx, ws, {
        userId: marketerId,
        customers: contacts.slice(200, 236),
        known: new Set(created.map((c) => c.phone)),
      });
      await seedWebhookEndpoint(tx, ws, { adminId: userIds.get("ADMIN")!, random: mulberry32(23) });
      await tx.auditLog.create({
        data: {
          workspaceId: ws,
          action: "workspace.seeded",
          targetType: "workspace",
          targetId: ws,
          details: { contacts: created.length },
        },
      });
    },
    { timeout: 60_000 },
  );
  await foldAll(); // the reports are ready at once (the worker would fold them within a second)
  return { created: true };
}

/**
 * A person who hides their phone behind a WhatsApp username (2026): known by the BSUID WhatsApp gives them,
 * they asked in the chat to hear of offers (the opt-in's proof) and wrote again an hour ago, so the inbox shows
 * "@marta.rivera" with an open window.
 */
async function seedUsernameOnly(tx: Prisma.TransactionClient, ws: string, promotionsId: string) {
  const bsuid = "ES.13491208655302741918";
  const wroteAt = [new Date(Date.now() - 26 * 3_600_000), new Date(Date.now() - 3_600_000)];
  const contact = await tx.contact.create({
    data: {
      workspaceId: ws,
      bsuid,
      username: "marta.rivera",
      name: "Marta",
      locale: "es_ES",
      timeZone: "Europe/Madrid",
    },
  });
  await tx.contactIdentityChange.createMany({
    data: [
      { workspaceId: ws, contactId: contact.id, kind: "BSUID", next: bsuid, source: "webhook", occurredAt: wroteAt[0] },
      {
        workspaceId: ws,
        contactId: contact.id,
        kind: "USERNAME",
        next: "marta.rivera",
        source: "webhook",
        occurredAt: wroteAt[0],
      },
    ],
  });
  await tx.consentEvent.create({
    data: {
      workspaceId: ws,
      contactId: contact.id,
      consentListId: promotionsId,
      action: "OPT_IN",
      source: "CHAT",
      proof: 'Wrote "Sí, mandadme las ofertas" (wamid.DEMOUSERNAME1)',
      occurredAt: wroteAt[0],
    },
  });
  await tx.contactConsent.create({
    data: {
      workspaceId: ws,
      contactId: contact.id,
      consentListId: promotionsId,
      optedIn: true,
      changedAt: wroteAt[0]!,
    },
  });
  const conversation = await tx.conversation.create({
    data: {
      workspaceId: ws,
      contactId: contact.id,
      lastInboundAt: wroteAt[1],
      lastActivityAt: wroteAt[1]!,
      unreadCount: 2,
    },
  });
  const texts = ["Sí, mandadme las ofertas", "¿Tenéis el café de Etiopía en grano?"];
  await tx.inboundMessage.createMany({
    data: texts.map((body, i) => ({
      workspaceId: ws,
      contactId: contact.id,
      conversationId: conversation.id,
      wamid: `wamid.DEMOUSERNAME${i + 1}`,
      type: "text",
      payload: {
        from_user_id: bsuid,
        id: `wamid.DEMOUSERNAME${i + 1}`,
        timestamp: String(Math.floor(wroteAt[i]!.getTime() / 1000)),
        type: "text",
        text: { body },
      },
      receivedAt: wroteAt[i]!,
    })),
  });
}

/**
 * Order updates the shop sent through the public API over the last five days (one in twelve contacts):
 * delivered, most read, a few failed, so the contact pages, inbox threads and the transactional analytics show them.
 */
async function seedTransactional(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  templateId: string,
  contacts: { id: string; phone: string }[],
) {
  const random = mulberry32(42);
  const now = Date.now();
  const rows: Prisma.MessageCreateManyInput[] = contacts
    .filter((_, i) => i % 12 === 5)
    .map((contact, i) => {
      const sentAt = new Date(now - (1 + random() * 5 * 24) * 3_600_000);
      const order = `#${10500 + i}`;
      const failed = random() < 0.04;
      const read = !failed && random() < 0.8;
      const later = (minutes: number) => new Date(sentAt.getTime() + minutes * 60_000);
      return {
        workspaceId,
        contactId: contact.id,
        origin: "api",
        templateId,
        category: "UTILITY",
        callbackData: `order-${10500 + i}`,
        request: {
          messaging_product: "whatsapp",
          to: contact.phone,
          type: "template",
          template: {
            name: "order_shipped",
            language: { code: "en_US", policy: "deterministic" },
            components: [
              { type: "body", parameters: ["there", order, "Friday"].map((text) => ({ type: "text", text })) },
              { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: String(10500 + i) }] },
            ],
          },
        },
        state: failed ? "FAILED" : read ? "READ" : "DELIVERED",
        wamid: `wamid.demo-api-${i}`,
        createdAt: sentAt,
        nextAttemptAt: sentAt,
        requestAt: sentAt,
        sentAt,
        deliveredAt: failed ? null : later(1),
        readAt: read ? later(20 + random() * 300) : null,
        failedAt: failed ? later(1) : null,
        errorCode: failed ? 131000 : null,
        errorReason: failed
          ? messageKey("cloudApi.gaveUp", { reason: classifyError(131000).explanation, attempts: 8 })
          : null,
        attempts: failed ? 8 : 1,
      };
    });
  await tx.message.createMany({ data: rows });
}

/** The demo's finished campaigns: how each went (rates are of delivered, read and so on). */
const DEMO_CAMPAIGNS = [
  {
    name: "Autumn menu preview",
    template: "autumn_menu",
    tag: "A",
    daysAgo: 24,
    seed: 3,
    read: 0.52,
    reply: 0.08,
    tap: 0.05,
    click: 0.06,
    fail: 0.05,
    stop: 0.03,
  },
  {
    name: "Summer sale launch",
    template: "summer_sale",
    tag: "",
    daysAgo: 8,
    seed: 7,
    read: 0.68,
    reply: 0.2,
    tap: 0.12,
    click: 0.14,
    fail: 0.03,
    stop: 0.01,
  },
  {
    name: "Loyalty double points",
    template: "summer_sale",
    tag: "L",
    daysAgo: 2,
    seed: 11,
    read: 0.74,
    reply: 0.15,
    tap: 0.1,
    click: 0.18,
    fail: 0.02,
    stop: 0.005,
  },
  {
    name: "Winter blends carousel",
    template: "winter_blends",
    tag: "W",
    daysAgo: 1,
    seed: 13,
    read: 0.7,
    reply: 0.22,
    tap: 0.16,
    // Opens of the cards' tracked links (the first per message), most on the first card.
    click: 0.16,
    fail: 0.02,
    stop: 0.005,
  },
];
type DemoCampaign = (typeof DEMO_CAMPAIGNS)[number];

/** Each demo template's quick reply people tap, and the index of its tracked link button (a carousel card's). */
const DEMO_BUTTONS: Record<string, [string, number | null]> = {
  summer_sale: ["Show me deals", 2],
  autumn_menu: ["Book a table", 1],
  winter_blends: ["I want this one", 1],
};

/** A carousel's share of link opens per card (the first card seen most), for the templates that have cards. */
const DEMO_CARD_SHARES: Record<string, number[]> = {
  winter_blends: [0.55, 0.28, 0.17],
};

/** Each demo template's campaign values, as the campaign builder saves them. */
const DEMO_MAPPINGS: Record<string, Prisma.InputJsonValue> = {
  summer_sale: {
    templateName: "summer_sale",
    fallbackLanguage: "en_US",
    headerMediaId: "",
    variables: {
      "body:1": { source: "field", value: "first_name", fallback: "there" },
      "body:2": { source: "constant", value: "25%", fallback: "" },
      "button:2": { source: "tracked", value: "https://shop.example.com/sale/summer-2026", fallback: "" },
    },
  },
  autumn_menu: {
    templateName: "autumn_menu",
    fallbackLanguage: "en_US",
    headerMediaId: "",
    variables: {
      "body:1": { source: "field", value: "first_name", fallback: "Hi there" },
      "button:1": { source: "tracked", value: "https://shop.example.com/menu", fallback: "" },
    },
  },
  winter_blends: {
    templateName: "winter_blends",
    fallbackLanguage: "en_US",
    headerMediaId: "",
    cardMediaIds: [],
    variables: {
      "body:1": { source: "field", value: "first_name", fallback: "Hi there" },
      ...Object.fromEntries(
        ["chestnut", "orange", "maple"].map((slug, card) => [
          `card:${card}:button:1`,
          { source: "tracked", value: `https://shop.example.com/blends/${slug}`, fallback: "" },
        ]),
      ),
    },
  },
};

/**
 * Mia's campaign for next week, started yesterday and not launched: the autumn menu to the VIP customers on
 * Promotions, at 10:00 in each person's own time zone, stored as the builder saves a draft
 * (lib/campaigns/service.ts), so its edit page opens. Started before the others were seeded, it is last in the list.
 */
async function seedDraftCampaign(
  tx: Prisma.TransactionClient,
  c: { workspaceId: string; templateId: string; listId: string; segmentId: string; createdById: string },
) {
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const input = campaignInputSchema.parse({
    name: "Chestnut latte weekend · VIPs",
    templateName: "autumn_menu",
    fallbackLanguage: "en_US",
    consentListId: c.listId,
    segmentIds: [c.segmentId],
    variables: (DEMO_MAPPINGS.autumn_menu as { variables: object }).variables,
    schedule: { mode: "local", at: `${nextWeek}T10:00` },
    quietHours: { enabled: true, start: "21:00", end: "09:00" },
  });
  await tx.campaign.create({
    data: {
      ...draftData(input),
      workspaceId: c.workspaceId,
      templateId: c.templateId,
      createdById: c.createdById,
      contributorIds: [c.createdById],
      createdAt: new Date(Date.now() - 86_400_000),
    },
  });
}

/** The carousel card (from 0) whose link a person opened, drawn by the cards' shares; null without cards. */
function cardOf(shares: number[] | undefined, random: () => number): number | null {
  if (!shares) return null;
  let draw = random();
  for (const [card, share] of shares.entries()) {
    if (draw < share) return card;
    draw -= share;
  }
  return shares.length - 1;
}

/**
 * A finished campaign to the Promotions list: every contact has its row, skipped (opted out, US +1
 * marketing block) or sent, then delivered, read, replied, tapped or opened its link (some opt out), or
 * failed with Meta's code; replies and taps are in the inbox, linked to the campaign.
 */
async function seedFinishedCampaign(
  tx: Prisma.TransactionClient,
  c: DemoCampaign & {
    workspaceId: string;
    templateId: string;
    listId: string;
    createdById: string;
    contacts: { id: string; phone: string }[];
    optedOut: Set<string>;
  },
) {
  const random = mulberry32(c.seed);
  const launchedAt = new Date(Date.now() - c.daysAgo * 86_400_000);
  const at = (ms: number) => new Date(launchedAt.getTime() + ms);
  const campaign = await tx.campaign.create({
    data: {
      workspaceId: c.workspaceId,
      name: c.name,
      templateId: c.templateId,
      consentListId: c.listId,
      status: "COMPLETED",
      createdById: c.createdById,
      launchedAt,
      completedAt: at(20_000),
      variableMapping: DEMO_MAPPINGS[c.template],
    },
  });
  const messages: Prisma.MessageCreateManyInput[] = [];
  const inbound: {
    contactId: string;
    from: string;
    wamid: string;
    messageWamid: string;
    messageId: string;
    at: Date;
    kind: "text" | "button";
    text: string;
  }[] = [];
  const REPLIES = [
    "Do you have oat milk in the Madrid shop?",
    "Is the discount valid online too?",
    "Great, I'll come by tomorrow",
  ];
  const [quickReply, linkButton] = DEMO_BUTTONS[c.template]!;
  c.contacts.forEach((contact, i) => {
    const id = `demo-${c.template}-${c.tag}${i}`;
    const base = {
      id,
      workspaceId: c.workspaceId,
      campaignId: campaign.id,
      contactId: contact.id,
      createdAt: launchedAt,
    };
    if (c.optedOut.has(contact.phone)) return messages.push({ ...base, state: "SKIPPED", skipReason: "opted_out" });
    if (contact.phone.startsWith("+1"))
      return messages.push({ ...base, state: "SKIPPED", skipReason: "us_marketing_block" });
    const sentAt = at(i * 40);
    const wamid = `wamid.DEMO${c.tag}${i}`;
    const roll = random();
    if (roll < c.fail) {
      const code = roll < c.fail / 2 ? 131026 : 131049;
      return messages.push({
        ...base,
        wamid,
        state: "FAILED",
        attempts: 1,
        sentAt,
        failedAt: at(i * 40 + 900),
        errorCode: code,
        errorReason: classifyError(code).explanation,
      });
    }
    const deliveredAt = at(i * 40 + 1500 + random() * 3000);
    const read = random() < c.read;
    const readAt = read ? new Date(deliveredAt.getTime() + random() * 6 * 3_600_000) : null;
    const answer = read ? random() : 1;
    const repliedAt = answer < c.reply && readAt ? new Date(readAt.getTime() + 60_000 + random() * 600_000) : null;
    const tapped = answer < c.tap;
    const clicked = readAt && random() < c.click;
    const stopped = readAt && !repliedAt && random() < c.stop;
    const linkCard = clicked ? cardOf(DEMO_CARD_SHARES[c.template], random) : null;
    messages.push({
      ...base,
      wamid,
      attempts: 1,
      state: repliedAt ? "REPLIED" : read ? "READ" : "DELIVERED",
      sentAt,
      deliveredAt,
      readAt,
      repliedAt,
      clickedButton: tapped ? quickReply : null,
      linkClickedAt: clicked ? new Date(readAt.getTime() + 30_000 + random() * 3_600_000) : null,
      linkButton: clicked ? linkButton : null,
      linkCard,
      optedOutAt: stopped ? new Date(readAt.getTime() + 120_000) : null,
      pricingCategory: "marketing",
      billable: true,
      costMicros: shippedPriceMicros("marketing", contact.phone, sentAt),
    });
    if (repliedAt)
      inbound.push({
        contactId: contact.id,
        from: contact.phone.slice(1),
        wamid: `wamid.DEMOIN${c.tag}${i}`,
        messageWamid: wamid,
        messageId: id,
        at: repliedAt,
        kind: tapped ? "button" : "text",
        text: tapped ? quickReply : REPLIES[i % REPLIES.length]!,
      });
  });
  await tx.message.createMany({ data: messages });
  // The demo account is on the Marketing Messages API, so Meta reports each tap on a link: those on tracked
  // links tied to their message by the click id, and some on other links (lib/webhooks/apply-link-clicks.ts).
  await tx.marketingLinkClick.createMany({
    data: messages
      .filter((m) => m.linkClickedAt)
      .flatMap((m, k) => [
        {
          workspaceId: c.workspaceId,
          clickId: `demo-${c.tag}-${k}`,
          messageId: m.id,
          component: "cta",
          clickedAt: m.linkClickedAt,
        },
        ...(k % 4 === 0
          ? [
              {
                workspaceId: c.workspaceId,
                clickId: `demo-${c.tag}-${k}-body`,
                component: "body",
                clickedAt: m.linkClickedAt,
              },
            ]
          : []),
      ]),
  });
  for (const reply of inbound) {
    // One conversation per contact, whichever campaign they answered.
    const conversation = await tx.conversation.upsert({
      where: { contactId: reply.contactId },
      create: {
        workspaceId: c.workspaceId,
        contactId: reply.contactId,
        lastInboundAt: reply.at,
        lastActivityAt: reply.at,
        unreadCount: 1,
      },
      update: { lastInboundAt: reply.at, lastActivityAt: reply.at, unreadCount: { increment: 1 } },
    });
    const common = {
      from: reply.from,
      id: reply.wamid,
      timestamp: String(Math.floor(reply.at.getTime() / 1000)),
      context: { from: "15550100100", id: reply.messageWamid },
    };
    const payload =
      reply.kind === "button"
        ? { ...common, type: "button", button: { payload: reply.text, text: reply.text } }
        : { ...common, type: "text", text: { body: reply.text } };
    await tx.inboundMessage.create({
      data: {
        workspaceId: c.workspaceId,
        contactId: reply.contactId,
        conversationId: conversation.id,
        wamid: reply.wamid,
        type: reply.kind,
        payload,
        contextWamid: payload.context.id,
        campaignMessageId: reply.messageId,
        receivedAt: reply.at,
      },
    });
  }
  const sent = messages.filter((m) => m.state !== "SKIPPED");
  const skipped = (reason: string) => messages.filter((m) => m.skipReason === reason).length;
  const card = cardAt(SHIPPED_CARDS, launchedAt);
  const cost = {
    currency: card?.currency ?? "USD",
    ...estimateWithCard(
      sent.map((m) => ({ prefix: c.contacts.find((x) => x.id === m.contactId)!.phone.slice(0, 5), count: 1 })),
      "MARKETING",
      card,
    ),
  };
  await tx.campaign.update({
    where: { id: campaign.id },
    data: {
      preflight: {
        computedAt: launchedAt.toISOString(),
        targeted: messages.length,
        willSend: sent.length,
        skipped: [
          {
            reason: "us_marketing_block",
            label: "Meta does not deliver marketing to US (+1) numbers",
            count: skipped("us_marketing_block"),
          },
          { reason: "opted_out", label: "Opted out", count: skipped("opted_out") },
        ],
        languages: [{ language: "en_US", count: sent.length }],
        cost: { category: "MARKETING", ...cost },
        template: { name: c.template, category: "MARKETING", versions: [{ language: "en_US", status: "APPROVED" }] },
        variables: Object.keys((campaign.variableMapping as { variables: object }).variables).map((slot) => ({
          slot,
          label: slot.startsWith("button:")
            ? "Link ending (tracked)"
            : slot.startsWith("card:")
              ? `Card ${Number(slot[5]) + 1}: link ending`
              : `Body {{${slot.slice(5)}}}`,
          mapped: true,
          optional: false,
          emptyFor: 0,
        })),
        tier: null,
        sendRate: 80,
        blockers: [],
        warnings: [],
      },
    },
  });
}

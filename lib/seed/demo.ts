// The demo workspace: a user per role, ~500 contacts with consent, two approved templates, two segments.
// Seeding runs in one transaction and only when the demo workspace is missing, so it is idempotent.
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db, type Prisma } from "@/lib/db/client";
import { DEMO_USERS, DEMO_WORKSPACE_SLUG } from "./demo-users";

export { DEMO_USERS, DEMO_WORKSPACE_SLUG };

export const DEMO_CONTACT_COUNT = 500;

const FIRST = ["Ana", "Bruno", "Chen", "Divya", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kofi", "Lucia", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq"];
const LAST = ["Silva", "Garcia", "Wang", "Patel", "Müller", "Haddad", "Okafor", "Rossi", "Dubois", "Kim", "Nowak", "Santos", "Ahmed", "Jensen", "Costa"];
// Country, prefix of a mobile number, digits that follow, locale and time zone.
const MARKETS = [
  { prefix: "+3461", digits: 7, locale: "es_ES", timeZone: "Europe/Madrid", city: "Madrid" },
  { prefix: "+447700", digits: 6, locale: "en_GB", timeZone: "Europe/London", city: "London" },
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

export function demoContacts(count = DEMO_CONTACT_COUNT) {
  const random = mulberry32(42);
  const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const market = MARKETS[i % MARKETS.length]!;
    const number = String(i * 7919 + 1000).padStart(market.digits, "0").slice(-market.digits);
    return {
      phone: `${market.prefix}${number}`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      locale: market.locale,
      timeZone: market.timeZone,
      attributes: { city: market.city, loyaltyTier: pick(["bronze", "silver", "gold"]) },
      tags: random() < 0.3 ? ["vip"] : [],
      optedOut: random() < 0.04,
    };
  });
}

const SUMMER_SALE: Prisma.InputJsonValue = [
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
      { type: "URL", text: "Shop now", url: "https://shop.example.com/sale/{{1}}", example: ["summer-2026"] },
    ],
  },
];

const ORDER_SHIPPED: Prisma.InputJsonValue = [
  {
    type: "BODY",
    text: "Good news, {{1}}! Your order {{2}} has shipped and should arrive by {{3}}.",
    example: { body_text: [["Ana", "#10423", "Friday"]] },
  },
  { type: "BUTTONS", buttons: [{ type: "URL", text: "Track order", url: "https://shop.example.com/track/{{1}}", example: ["10423"] }] },
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
      for (const [i, user] of DEMO_USERS.entries()) {
        const { id } = await tx.user.upsert({
          where: { email: user.email },
          update: {},
          create: { email: user.email, name: user.name, passwordHash: hashes[i]! },
        });
        await tx.membership.create({ data: { workspaceId: ws, userId: id, role: user.role } });
      }
      const [promotions, orders] = await Promise.all([
        tx.consentList.create({
          data: { workspaceId: ws, name: "Promotions", description: "Offers and news, at most weekly", category: "MARKETING" },
        }),
        tx.consentList.create({
          data: { workspaceId: ws, name: "Order updates", description: "Shipping and delivery notices", category: "UTILITY" },
        }),
      ]);

      const created = await tx.contact.createManyAndReturn({
        data: contacts.map(({ optedOut: _, ...c }) => ({ workspaceId: ws, ...c })),
        select: { id: true, phone: true },
      });
      const optedOut = new Set(contacts.filter((c) => c.optedOut).map((c) => c.phone));
      const joined = new Date(Date.now() - 90 * 86_400_000);
      const left = new Date(Date.now() - 10 * 86_400_000);
      const events: Prisma.ConsentEventCreateManyInput[] = [];
      const states: Prisma.ContactConsentCreateManyInput[] = [];
      for (const contact of created) {
        for (const list of [promotions, orders]) {
          events.push({
            workspaceId: ws, contactId: contact.id, consentListId: list.id, action: "OPT_IN", source: "WEB_FORM",
            proof: `Checkout form: "Send me ${list.name.toLowerCase()} on WhatsApp from Acme Coffee Co."`, occurredAt: joined,
          });
        }
        const out = optedOut.has(contact.phone);
        if (out) {
          events.push({
            workspaceId: ws, contactId: contact.id, consentListId: promotions.id, action: "OPT_OUT", source: "KEYWORD",
            proof: 'Replied "STOP"', occurredAt: left,
          });
        }
        states.push(
          { workspaceId: ws, contactId: contact.id, consentListId: promotions.id, optedIn: !out, changedAt: out ? left : joined },
          { workspaceId: ws, contactId: contact.id, consentListId: orders.id, optedIn: true, changedAt: joined },
        );
      }
      await tx.consentEvent.createMany({ data: events });
      await tx.contactConsent.createMany({ data: states });

      await tx.template.createMany({
        data: [
          { workspaceId: ws, name: "summer_sale", language: "en_US", category: "MARKETING", components: SUMMER_SALE, status: "APPROVED", quality: "GREEN", metaTemplateId: "9000000000001" },
          { workspaceId: ws, name: "order_shipped", language: "en_US", category: "UTILITY", components: ORDER_SHIPPED, status: "APPROVED", quality: "GREEN", metaTemplateId: "9000000000002" },
        ],
      });
      await tx.segment.createMany({
        data: [
          { workspaceId: ws, name: "VIP customers", rules: { match: "all", groups: [{ match: "all", conditions: [{ field: "tag", op: "has", value: "vip" }] }] } },
          {
            workspaceId: ws,
            name: "Gold tier",
            rules: { match: "all", groups: [{ match: "all", conditions: [{ field: "attribute", key: "loyaltyTier", op: "equals", value: "gold" }] }] },
          },
        ],
      });
      await tx.auditLog.create({
        data: { workspaceId: ws, action: "workspace.seeded", targetType: "workspace", targetId: ws, details: { contacts: created.length } },
      });
    },
    { timeout: 60_000 },
  );
  return { created: true };
}

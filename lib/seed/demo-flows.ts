// The demo's WhatsApp Flows: a published NPS survey sent in a finished campaign (its template's FLOW button),
// with the answers people gave; a published newsletter sign-up whose opt-in box records consent; a feedback
// form still a draft; and "Book a tasting", the booking Flow served by Parley's data-exchange endpoint (the
// workspace's key pair generated and registered, opening hours set, a template whose FLOW button opens it with
// data_exchange), with a few tastings already booked. The history is what Parley would have written: the
// campaign's messages with Meta's statuses and one FlowResponse per completed form, so the results view is full
// at once. The sandbox books new tastings through the endpoint when its people complete the flow.
import "server-only";
import type { Prisma } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto/secrets";
import { freeDays, type AvailabilityRules, type OpeningHours, type Weekday } from "@/lib/flows/availability";
import { bookingFlowJson } from "@/lib/flows/booking-flow";
import { generateFlowKeyPair } from "@/lib/flows/exchange-crypto";
import { flowStarter, starterJson } from "@/lib/flows/starters";
import { shippedPriceMicros } from "@/lib/pricing/rates";

type Tx = Prisma.TransactionClient;

/** Meta's ids of the demo's published flows (the sandbox is given them again on every start). */
export const DEMO_FLOW_IDS = { nps: "7100000000001", signup: "7100000000002", booking: "7100000000003" } as const;

/**
 * The templates that carry the flows: the NPS survey's FLOW button opens it on its first screen; the tasting
 * booking's opens it with data_exchange (WhatsApp asks the endpoint for the first screen).
 */
export const FLOW_TEMPLATES: {
  name: string;
  category: "MARKETING" | "UTILITY";
  components: Prisma.InputJsonValue;
}[] = [
  {
    name: "nps_survey",
    category: "MARKETING",
    components: [
      {
        type: "BODY",
        text: "Hi {{1}}, how likely are you to recommend Acme Coffee Co. to a friend? It takes ten seconds.",
        example: { body_text: [["Ana"]] },
      },
      { type: "FOOTER", text: "Reply STOP to unsubscribe" },
      {
        type: "BUTTONS",
        buttons: [
          {
            type: "FLOW",
            text: "Rate us",
            flow_id: DEMO_FLOW_IDS.nps,
            flow_action: "navigate",
            navigate_screen: "RATING",
          },
        ],
      },
    ],
  },
  {
    name: "tasting_booking",
    category: "UTILITY",
    components: [
      {
        type: "BODY",
        text: "Hi {{1}}, you can book your coffee tasting at Acme Coffee Co. here: choose a day and a time.",
        example: { body_text: [["Ana"]] },
      },
      {
        type: "BUTTONS",
        buttons: [{ type: "FLOW", text: "Book a time", flow_id: DEMO_FLOW_IDS.booking, flow_action: "data_exchange" }],
      },
    ],
  },
];

/** Tasting hours: Monday to Saturday 09:00–18:00, half-hour slots of two seats. */
const TASTING_HOURS: OpeningHours[] = ([1, 2, 3, 4, 5, 6] as Weekday[]).map((weekday) => ({
  weekday,
  open: "09:00",
  close: "18:00",
}));
const TASTING_SLOT_MINUTES = 30;
const TASTING_CAPACITY = 2;
const TASTERS = ["Ana", "Bruno", "Chen", "Divya", "Emma", "Farid", "Grace", "Hugo"];

const REASONS = [
  "Great coffee and friendly staff",
  "Delivery was late",
  "Love the seasonal blends",
  "A bit expensive",
  "Fast and easy ordering",
  "",
];

export async function seedFlows(
  tx: Tx,
  ws: string,
  c: {
    publisherId: string;
    templateId: string;
    listId: string;
    contacts: { id: string; phone: string }[];
    optedOut: Set<string>;
    random: () => number;
  },
) {
  const publishedAt = new Date(Date.now() - 9 * 86_400_000);
  const nps = await tx.flow.create({
    data: {
      workspaceId: ws,
      name: "Customer NPS",
      category: "SURVEY",
      status: "PUBLISHED",
      json: starterJson("nps") as Prisma.InputJsonValue,
      metaFlowId: DEMO_FLOW_IDS.nps,
      attributeMap: { score: "nps_score" },
      publishedAt,
      createdById: c.publisherId,
    },
  });
  const signup = flowStarter("signup");
  await tx.flow.create({
    data: {
      workspaceId: ws,
      name: "Newsletter sign-up",
      category: signup.category,
      status: "PUBLISHED",
      json: starterJson("signup") as Prisma.InputJsonValue,
      metaFlowId: DEMO_FLOW_IDS.signup,
      consentListId: c.listId,
      optInField: signup.optInField,
      attributeMap: { topics: "interests" },
      publishedAt,
      createdById: c.publisherId,
    },
  });
  await tx.flow.create({
    data: {
      workspaceId: ws,
      name: "Visit feedback",
      category: "SURVEY",
      json: starterJson("feedback") as Prisma.InputJsonValue,
      createdById: c.publisherId,
    },
  });
  await seedTastingBookings(tx, ws, c, publishedAt);
  await tx.auditLog.createMany({
    data: ["Customer NPS", "Newsletter sign-up", "Book a tasting"].map((name) => ({
      workspaceId: ws,
      actorId: c.publisherId,
      action: "flow.published",
      targetType: "flow",
      details: { name },
      createdAt: publishedAt,
    })),
  });

  const launchedAt = new Date(Date.now() - 6 * 86_400_000);
  const campaign = await tx.campaign.create({
    data: {
      workspaceId: ws,
      name: "Customer NPS · November",
      templateId: c.templateId,
      consentListId: c.listId,
      status: "COMPLETED",
      createdById: c.publisherId,
      launchedAt,
      completedAt: new Date(launchedAt.getTime() + 20_000),
      variableMapping: {
        templateName: "nps_survey",
        fallbackLanguage: "en_US",
        headerMediaId: "",
        variables: { "body:1": { source: "field", value: "first_name", fallback: "there" } },
      },
    },
  });
  const messages: Prisma.MessageCreateManyInput[] = [];
  const responses: Prisma.FlowResponseCreateManyInput[] = [];
  c.contacts
    .filter((contact) => !c.optedOut.has(contact.phone) && !contact.phone.startsWith("+1"))
    .slice(0, 90)
    .forEach((contact, i) => {
      const id = `demo-nps-${ws}-${i}`; // unique across workspaces: tests seed the demo flows into their own
      const sentAt = new Date(launchedAt.getTime() + i * 40);
      const deliveredAt = new Date(sentAt.getTime() + 1500 + c.random() * 3000);
      const read = c.random() < 0.8;
      const readAt = read ? new Date(deliveredAt.getTime() + c.random() * 6 * 3_600_000) : null;
      // Most readers fill the form in a minute or two; the rest leave it.
      const completedAt =
        readAt && c.random() < 0.7 ? new Date(readAt.getTime() + 30_000 + c.random() * 120_000) : null;
      messages.push({
        id,
        workspaceId: ws,
        campaignId: campaign.id,
        contactId: contact.id,
        createdAt: launchedAt,
        wamid: `wamid.DEMONPS${ws}${i}`,
        attempts: 1,
        state: completedAt ? "REPLIED" : read ? "READ" : "DELIVERED",
        sentAt,
        deliveredAt,
        readAt,
        repliedAt: completedAt,
        pricingCategory: "marketing",
        billable: true,
        costMicros: shippedPriceMicros("marketing", contact.phone, sentAt),
      });
      if (!completedAt) return;
      // Promoters outnumber detractors, as in a shop people like.
      const score = 10 - Math.floor(c.random() ** 3 * 11);
      const reason = REASONS[Math.floor(c.random() * REASONS.length)]!;
      responses.push({
        workspaceId: ws,
        flowId: nps.id,
        contactId: contact.id,
        inboundMessageId: `${id}-answer`,
        flowToken: `demo-${id}`,
        messageId: id,
        campaignId: campaign.id,
        answers: { score: String(score), ...(reason ? { reason } : {}) },
        completedAt,
      });
    });
  await tx.message.createMany({ data: messages });
  await tx.flowResponse.createMany({ data: responses });
}

/**
 * "Book a tasting": the endpoint's booking Flow, published, with what the endpoint needs (a key pair registered
 * with WhatsApp, its private key encrypted as at runtime, and the opening hours), and a few tastings booked in the
 * coming days through it (an answer and a confirmed seat each).
 */
async function seedTastingBookings(
  tx: Tx,
  ws: string,
  c: { publisherId: string; contacts: { id: string; phone: string }[]; random: () => number },
  publishedAt: Date,
) {
  const booking = await tx.flow.create({
    data: {
      workspaceId: ws,
      name: "Book a tasting",
      category: "APPOINTMENT_BOOKING",
      status: "PUBLISHED",
      json: bookingFlowJson() as Prisma.InputJsonValue,
      metaFlowId: DEMO_FLOW_IDS.booking,
      attributeMap: { customer_name: "booking_name" },
      publishedAt,
      createdById: c.publisherId,
    },
  });
  const keys = generateFlowKeyPair();
  await tx.flowEndpointKey.create({
    data: {
      workspaceId: ws,
      publicKeyPem: keys.publicKeyPem,
      privateKeyEncrypted: encryptSecret(keys.privateKeyPem),
      createdAt: publishedAt,
      registeredAt: publishedAt,
    },
  });
  await tx.bookingAvailability.create({
    data: {
      workspaceId: ws,
      weeklyHours: TASTING_HOURS,
      slotMinutes: TASTING_SLOT_MINUTES,
      capacity: TASTING_CAPACITY,
    },
  });

  const { timeZone } = await tx.workspace.findUniqueOrThrow({ where: { id: ws }, select: { timeZone: true } });
  const rules: AvailabilityRules = {
    timeZone,
    weeklyHours: TASTING_HOURS,
    slotMinutes: TASTING_SLOT_MINUTES,
    capacity: TASTING_CAPACITY,
  };
  const now = new Date();
  const starts = freeDays(rules, new Map(), now, 7).flatMap((d) => d.starts);
  if (starts.length === 0) return;
  // At most the capacity per slot, as the endpoint keeps it: a taster who finds a slot full takes the next one.
  const seats = new Map<number, number>();
  const booked = c.contacts.slice(100, 108).map((contact, i) => {
    let k = Math.floor(c.random() * starts.length);
    while ((seats.get(starts[k]!) ?? 0) >= TASTING_CAPACITY) k = (k + 1) % starts.length;
    seats.set(starts[k]!, (seats.get(starts[k]!) ?? 0) + 1);
    const slotStart = new Date(starts[k]!);
    const completedAt = new Date(now.getTime() - (1 + c.random() * 47) * 3_600_000);
    return { contact, i, slotStart, completedAt, flowToken: `demo-tasting-${ws}-${i}` };
  });
  await tx.flowResponse.createMany({
    data: booked.map((b) => ({
      workspaceId: ws,
      flowId: booking.id,
      contactId: b.contact.id,
      inboundMessageId: `demo-tasting-answer-${ws}-${b.i}`,
      flowToken: b.flowToken,
      answers: { slot: `${b.slotStart.toISOString().slice(0, 16)}Z`, customer_name: TASTERS[b.i % TASTERS.length]! },
      completedAt: b.completedAt,
    })),
  });
  await tx.booking.createMany({
    data: booked.map((b) => ({
      workspaceId: ws,
      slotStart: b.slotStart,
      contactId: b.contact.id,
      flowToken: b.flowToken,
      status: "CONFIRMED" as const,
      confirmedAt: b.completedAt,
      createdAt: b.completedAt,
    })),
  });
}

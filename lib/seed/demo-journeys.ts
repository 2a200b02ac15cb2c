// The demo's journeys: the templates the starters name, one live journey with history ("Order updates":
// shipped, then delivered; some people still wait for their delivery) and drafts ("Abandoned cart", a keyword
// sign-up, a date-triggered reminder).
// The history is what the engine would have written: runs, their step log, and their messages with Meta's
// statuses, so the report and the builder's waiting counts show at once.
import "server-only";
import type { Prisma } from "@/lib/db/client";
import { starterGraph } from "@/lib/journeys/starters";

type Tx = Prisma.TransactionClient;

const body = (text: string, example: string[]) => ({ type: "BODY", text, example: { body_text: [example] } });
const replies = (...texts: string[]) => ({
  type: "BUTTONS",
  buttons: texts.map((text) => ({ type: "QUICK_REPLY", text })),
});

/** The templates the journey starters send, as Meta approved them. */
export const JOURNEY_TEMPLATES: {
  name: string;
  category: "UTILITY" | "MARKETING";
  components: Prisma.InputJsonValue;
}[] = [
  {
    name: "order_delivered",
    category: "UTILITY",
    components: [body("Your order {{1}} has been delivered. Enjoy your coffee!", ["#10423"])],
  },
  {
    name: "appointment_reminder",
    category: "UTILITY",
    components: [
      body("Hi {{1}}, a reminder of your coffee tasting {{2}}. Can you make it?", ["Ana", "tomorrow at 10:00"]),
      replies("Confirm", "Reschedule"),
    ],
  },
  {
    name: "cart_reminder",
    category: "MARKETING",
    components: [
      body("{{1}}, you left something in your cart. Finish your order today and get 10% off.", ["Ana"]),
      { type: "FOOTER", text: "Reply STOP to unsubscribe" },
      replies("Show me my cart"),
    ],
  },
  {
    name: "welcome_confirm",
    category: "MARKETING",
    components: [
      body("Hi {{1}}, thanks for signing up! Tap below to confirm you want our news on WhatsApp.", ["Ana"]),
      replies("Yes, keep me posted", "No thanks"),
    ],
  },
  {
    name: "welcome_offer",
    category: "MARKETING",
    components: [
      { type: "BODY", text: "Welcome to Acme Coffee Co.! Here is 15% off your first order with the code WELCOME15." },
      { type: "FOOTER", text: "Reply STOP to unsubscribe" },
    ],
  },
];

/** Seeds the journeys for `contacts` (some of them enter the live one). */
export async function seedJourneys(
  tx: Tx,
  ws: string,
  publisherId: string,
  templateId: (name: string) => string,
  contacts: { id: string; phone: string }[],
  random: () => number,
) {
  const graph = starterGraph("orderShipped");
  const live = await tx.journey.create({
    data: {
      workspaceId: ws,
      name: "Order updates",
      status: "LIVE",
      draft: graph,
      trigger: "event:order.shipped",
      createdById: publisherId,
    },
  });
  const version = await tx.journeyVersion.create({
    data: {
      journeyId: live.id,
      number: 1,
      graph,
      publishedById: publisherId,
      publishedAt: new Date(Date.now() - 12 * 86_400_000),
    },
  });
  await tx.journey.update({ where: { id: live.id }, data: { liveVersionId: version.id } });
  await tx.journey.create({
    data: { workspaceId: ws, name: "Abandoned cart", draft: starterGraph("abandonedCart"), createdById: publisherId },
  });
  // Drafts that show the triggers a person's own message or a date starts.
  const reminder = starterGraph("appointmentReminder");
  const firstWait = reminder.steps.find((s) => s.id === reminder.start);
  await tx.journey.createMany({
    data: [
      {
        workspaceId: ws,
        name: "Coffee club sign-up",
        createdById: publisherId,
        draft: {
          trigger: { kind: "keyword", keyword: "JOIN CLUB" },
          start: "message_1",
          steps: [
            {
              id: "message_1",
              kind: "message",
              label: "Welcome",
              text: "Welcome to the Acme Coffee club! Every month: a new roast to try before anyone else.",
              next: "update_1",
              position: { x: 0, y: 120 },
            },
            {
              id: "update_1",
              kind: "update",
              label: "Tag club member",
              addTags: ["coffee-club"],
              removeTags: [],
              attributes: {},
              consent: null,
              next: null,
              position: { x: 0, y: 240 },
            },
          ],
          goal: null,
          entry: { rule: "once", days: 30 },
        },
      },
      {
        workspaceId: ws,
        name: "Tasting reminder",
        createdById: publisherId,
        // The reminder starter without its wait: the date trigger starts it a day before `appointment_at`.
        draft: {
          ...reminder,
          trigger: { kind: "date", attribute: "appointment_at", offsetHours: -24 },
          start: firstWait?.kind === "wait" ? firstWait.next : reminder.start,
          steps: reminder.steps.filter((s) => s !== firstWait),
          entry: { rule: "always", days: 30 },
        },
      },
    ],
  });
  await tx.auditLog.create({
    data: {
      workspaceId: ws,
      actorId: publisherId,
      action: "journey.published",
      targetType: "journey",
      targetId: live.id,
      details: { name: "Order updates", version: 1 },
    },
  });

  const now = Date.now();
  const runs: Prisma.JourneyRunCreateManyInput[] = [];
  const logs: Prisma.JourneyStepLogCreateManyInput[] = [];
  const messages: Prisma.MessageCreateManyInput[] = [];
  contacts
    .filter((_, i) => i % 9 === 2)
    .forEach((contact, i) => {
      const runId = `demo-run-${i}`;
      const entered = new Date(now - (2 + random() * 9 * 24) * 3_600_000);
      const order = String(10800 + i);
      const message = (stepId: string, name: string, at: Date, n: number) => {
        const read = random() < 0.75;
        const id = `demo-journey-${i}-${n}`;
        messages.push({
          id,
          workspaceId: ws,
          contactId: contact.id,
          origin: "journey",
          templateId: templateId(name),
          category: "UTILITY",
          callbackData: `journey:${live.id}`,
          request: {
            messaging_product: "whatsapp",
            to: contact.phone,
            type: "template",
            template: { name, language: { code: "en_US" } },
          },
          state: read ? "READ" : "DELIVERED",
          wamid: `wamid.demo-journey-${i}-${n}`,
          createdAt: at,
          nextAttemptAt: at,
          requestAt: at,
          sentAt: at,
          deliveredAt: new Date(at.getTime() + 60_000),
          readAt: read ? new Date(at.getTime() + (10 + random() * 200) * 60_000) : null,
          attempts: 1,
        });
        logs.push({ runId, seq: n, journeyId: live.id, stepId, outcome: "sent", messageId: id, at });
        return id;
      };
      const shipped = message("send_1", "order_shipped", entered, 1);
      // Two in three are delivered already (the shop sent order.delivered); the rest still wait for it.
      const delivered = random() < 0.67 && now - entered.getTime() > 24 * 3_600_000;
      if (delivered) {
        const at = new Date(entered.getTime() + (20 + random() * 30) * 3_600_000);
        logs.push({ runId, seq: 2, journeyId: live.id, stepId: "wait_1", outcome: "arrived", at });
        const last = message("send_2", "order_delivered", at, 3);
        runs.push({
          id: runId,
          workspaceId: ws,
          journeyId: live.id,
          versionId: version.id,
          contactId: contact.id,
          status: "COMPLETED",
          endReason: "end",
          stepAt: at,
          enteredAt: entered,
          endedAt: at,
          seq: 3,
          lastMessageId: last,
          properties: { orderId: `#${order}`, trackingCode: order },
        });
      } else {
        runs.push({
          id: runId,
          workspaceId: ws,
          journeyId: live.id,
          versionId: version.id,
          contactId: contact.id,
          stepId: "wait_1",
          stepAt: entered,
          dueAt: new Date(entered.getTime() + 7 * 86_400_000),
          waitEvent: "order.delivered",
          enteredAt: entered,
          seq: 1,
          lastMessageId: shipped,
          properties: { orderId: `#${order}`, trackingCode: order },
        });
      }
    });
  await tx.message.createMany({ data: messages });
  await tx.journeyRun.createMany({ data: runs });
  await tx.journeyStepLog.createMany({ data: logs });
}

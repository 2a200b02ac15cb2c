// The demo's WhatsApp Flows: a published NPS survey sent in a finished campaign (its template's FLOW button),
// with the answers people gave; a published newsletter sign-up whose opt-in box records consent; a feedback
// form still a draft. The history is what Parley would have written: the campaign's messages with Meta's
// statuses and one FlowResponse per completed form, so the results view is full at once.
import "server-only";
import type { Prisma } from "@/lib/db/client";
import { flowStarter, starterJson } from "@/lib/flows/starters";
import { priceMicros } from "@/lib/campaigns/pricing";

type Tx = Prisma.TransactionClient;

/** Meta's ids of the demo's published flows (the sandbox is given them again on every start). */
export const DEMO_FLOW_IDS = { nps: "7100000000001", signup: "7100000000002" } as const;

/** The template that carries the NPS survey: a FLOW button opening it on its first screen. */
export const FLOW_TEMPLATES: { name: string; category: "MARKETING"; components: Prisma.InputJsonValue }[] = [
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
];

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
  await tx.auditLog.createMany({
    data: ["Customer NPS", "Newsletter sign-up"].map((name) => ({
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
      const id = `demo-nps-${i}`;
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
        wamid: `wamid.DEMONPS${i}`,
        attempts: 1,
        state: completedAt ? "REPLIED" : read ? "READ" : "DELIVERED",
        sentAt,
        deliveredAt,
        readAt,
        repliedAt: completedAt,
        pricingCategory: "marketing",
        billable: true,
        costMicros: priceMicros("marketing", contact.phone),
      });
      if (!completedAt) return;
      // Promoters outnumber detractors, as in a shop people like.
      const score = Math.min(10, Math.floor(Math.sqrt(c.random()) * 11));
      const reason = REASONS[Math.floor(c.random() * REASONS.length)]!;
      responses.push({
        workspaceId: ws,
        flowId: nps.id,
        contactId: contact.id,
        inboundMessageId: `demo-nps-answer-${i}`,
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

// WhatsApp Flows against the real database and a sandbox over HTTP: publishing through the Flows API, a campaign
// whose template opens a survey (the sandbox's people complete it), each answer stored once against its message
// and campaign, copied onto the contact, told to webhooks and starting a journey; a sign-up's ticked box recorded
// as consent with its wording; answers with a token nobody issued left unattributed.
import { afterAll, describe, expect, it } from "vitest";
import { recordConsentEvent } from "@/lib/consent/service";
import { db, type Prisma } from "@/lib/db/client";
import { mergeContacts } from "@/lib/identity/merge";
import { sendReply } from "@/lib/inbox/service";
import { advanceDueRuns, consumeEvents } from "@/lib/journeys/engine";
import { publishJourney } from "@/lib/journeys/service";
import { envelope, inboundChange } from "@/lib/whatsapp/webhook-payloads";
import {
  addOptedInContacts,
  approvedTemplate,
  dispatchUntil,
  launch,
  sandboxWorkspace,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { drain, post, sandboxLog } from "@/tests/whatsapp";
import { ConflictError, ValidationError } from "@/lib/errors";
import { clientFor } from "@/lib/whatsapp/accounts";
import { endpointUrl, generateEndpointKey, registerEndpointKey } from "./endpoint-keys";
import { readFlowTokenMessage } from "./flow-token";
import { createFlow, deprecateFlow, publishFlow, saveFlow } from "./service";
import { flowStarter, starterJson } from "./starters";

const open: SandboxWorkspace[] = [];
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

async function workspace(sandbox: NonNullable<Parameters<typeof sandboxWorkspace>[0]>["sandbox"] = {}) {
  const ws = await sandboxWorkspace({ sandbox });
  open.push(ws);
  return ws;
}

/** Waits (processing webhooks) until `done`, or fails after `ms`. */
async function until(done: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await drain();
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function publishedFlow(ws: SandboxWorkspace, name: string, starter: "nps" | "signup") {
  const user = ws.userOf("MARKETER");
  const { id } = await createFlow(user, name, starter);
  await publishFlow(user, id);
  return db.flow.findUniqueOrThrow({ where: { id } });
}

describe("publishing", () => {
  it("publishes a draft through the Flows API, refuses one with problems, and never changes a published one", async () => {
    const ws = await workspace();
    const user = ws.userOf("MARKETER");
    const { id } = await createFlow(user, "Broken", "blank");
    const broken = flowStarter("blank").form;
    broken.screens[0]!.fields[0]!.label = "";
    await saveFlow(user, id, {
      name: "Broken",
      category: "OTHER",
      json: { ...starterJson("blank"), screens: [{ ...starterJson("blank").screens[0]!, id: "STEP_1" }] },
      attributeMap: {},
      consentListId: null,
      optInField: null,
    });
    await expect(publishFlow(user, id)).rejects.toBeInstanceOf(ValidationError);
    expect((await sandboxLog(ws.base)).entries.filter((e) => e.path.includes("/flows"))).toEqual([]);

    const flow = await publishedFlow(ws, "NPS", "nps");
    expect(flow).toMatchObject({ status: "PUBLISHED", metaErrors: [] });
    const calls = (await sandboxLog(ws.base)).entries.map((e) => `${e.status} ${e.path.replace(/\d{6,}/g, "#")}`);
    expect(calls).toEqual(["200 /v23.0/#/flows", "200 /v23.0/#/assets", "200 /v23.0/#/publish"]);
    await expect(
      saveFlow(user, flow.id, {
        name: "NPS",
        category: "SURVEY",
        json: starterJson("blank"),
        attributeMap: {},
        consentListId: null,
        optInField: null,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await deprecateFlow(user, flow.id);
    expect((await db.flow.findUniqueOrThrow({ where: { id: flow.id } })).status).toBe("DEPRECATED");
  });

  it("gives a flow created at Meta as a plain form its endpoint_uri, name and category when it is published later", async () => {
    const ws = await workspace();
    const user = ws.userOf("MARKETER");
    const { id } = await createFlow(user, "Tastings", "blank");
    // An earlier try created it at Meta as the plain form it was then, and kept its id.
    const client = (await clientFor(ws.workspace.id))!;
    const { id: metaFlowId } = await client.createFlow({ name: "Tastings", categories: ["OTHER"] });
    await db.flow.update({ where: { id }, data: { metaFlowId } });
    // Since then it has become the endpoint's booking flow, under another name.
    await saveFlow(user, id, {
      name: "Book a tasting",
      category: "APPOINTMENT_BOOKING",
      json: starterJson("liveBooking"),
      attributeMap: {},
      consentListId: null,
      optInField: null,
    });
    await generateEndpointKey(ws.userOf("ADMIN"));
    await registerEndpointKey(ws.userOf("ADMIN"));
    const since = (await sandboxLog(ws.base)).lastSeq;

    await publishFlow(user, id);
    expect(await db.flow.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PUBLISHED", metaFlowId });
    const calls = (await sandboxLog(ws.base, since)).entries.map(
      (e) => `${e.status} ${e.path.replace(/\d{6,}/g, "#")}`,
    );
    expect(calls).toEqual(["200 /v23.0/#", "200 /v23.0/#/assets", "200 /v23.0/#/publish"]);
    const atMeta = await fetch(`${ws.base}/v23.0/${metaFlowId}`, { headers: { authorization: "Bearer tok" } });
    expect(await atMeta.json()).toMatchObject({
      name: "Book a tasting",
      categories: ["APPOINTMENT_BOOKING"],
      status: "PUBLISHED",
      endpoint_uri: endpointUrl(ws.workspace.id),
    });
  });
});

describe("answers", () => {
  it(
    "ties each completed survey of a campaign to its message, once, copies it onto the contact, tells webhooks and starts a journey",
    { timeout: 60_000 },
    async () => {
      const ws = await workspace({ readShare: 1, flowCompleteShare: 1 });
      await addOptedInContacts(ws.workspace.id, ws.list.id, 3, `+3464${String(Math.floor(Math.random() * 900) + 100)}`);
      const flow = await publishedFlow(ws, "NPS", "nps");
      await db.flow.update({ where: { id: flow.id }, data: { attributeMap: { score: "nps_score" } } });
      const components = [
        { type: "BODY", text: "Hi {{1}}, how did we do?", example: { body_text: [["Ana"]] } },
        {
          type: "BUTTONS",
          buttons: [
            {
              type: "FLOW",
              text: "Rate us",
              flow_id: flow.metaFlowId,
              flow_action: "navigate",
              navigate_screen: "RATING",
            },
          ],
        },
      ];
      await approvedTemplate(ws.workspace.id, ws.base, {
        name: "nps_survey",
        category: "MARKETING",
        components,
      });
      const endpoint = await db.webhookEndpoint.create({
        data: {
          workspaceId: ws.workspace.id,
          url: "https://crm.example.com/hook",
          eventTypes: ["flow.completed"],
          secretEncrypted: "x",
        },
      });
      const journey = await db.journey.create({
        data: {
          workspaceId: ws.workspace.id,
          name: "After the survey",
          draft: {
            trigger: { kind: "flow", flowId: flow.id },
            start: "update_1",
            steps: [{ id: "update_1", kind: "update", addTags: ["surveyed"], next: null }],
            goal: null,
            entry: { rule: "always", days: 30 },
          } as Prisma.InputJsonValue,
        },
      });
      await publishJourney(ws.userOf("MARKETER"), journey.id);

      const campaignId = await launch(ws, {
        templateName: "nps_survey",
        variables: { "body:1": { source: "field", value: "first_name", fallback: "there" } },
      });
      await dispatchUntil(campaignId);
      await until(async () => (await db.flowResponse.count({ where: { flowId: flow.id } })) === 3);

      // What left carried a token naming its own message and person.
      const sends = (await sandboxLog(ws.base)).entries.filter((e) => e.path.endsWith("/messages") && e.status === 200);
      const messages = await db.message.findMany({ where: { campaignId }, select: { id: true, contactId: true } });
      for (const send of sends) {
        const body = send.body as {
          template: { components: { sub_type?: string; parameters: { action?: { flow_token: string } }[] }[] };
        };
        const token = body.template.components.find((c) => c.sub_type === "flow")!.parameters[0]!.action!.flow_token;
        const named = readFlowTokenMessage(ws.workspace.id, token)!;
        expect(messages).toContainEqual({ id: named.messageId, contactId: named.contactId });
      }
      const answers = await db.flowResponse.findMany({ where: { flowId: flow.id } });
      for (const answer of answers) {
        const message = messages.find((m) => m.id === answer.messageId)!;
        expect(answer).toMatchObject({ campaignId, contactId: message.contactId });
        const score = (answer.answers as { score: string }).score;
        expect(Number(score)).toBeGreaterThanOrEqual(0);
        const contact = await db.contact.findUniqueOrThrow({ where: { id: answer.contactId } });
        expect((contact.attributes as { nps_score: string }).nps_score).toBe(score);
      }
      const events = await db.outboundDelivery.findMany({
        where: { endpointId: endpoint.id },
        include: { event: true },
      });
      expect(events.map((d) => d.event.type)).toEqual(["flow.completed", "flow.completed", "flow.completed"]);
      expect(events[0]!.event.payload).toMatchObject({ data: { flowId: flow.id, flowName: "NPS", campaignId } });

      // The same answer delivered again changes nothing.
      const inbound = await db.inboundMessage.findUniqueOrThrow({ where: { id: answers[0]!.inboundMessageId } });
      const again = envelope(ws.number.wabaId, [
        {
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: ws.number.displayPhoneNumber, phone_number_id: ws.number.phoneNumberId },
            messages: [inbound.payload],
          },
        },
      ]);
      expect(await post(again)).toBe(200);
      await drain();
      expect(await db.flowResponse.count({ where: { flowId: flow.id } })).toBe(3);

      // A completed flow is a journey trigger: each person entered once and was tagged.
      const scope = { workspaceIds: [ws.workspace.id] };
      await consumeEvents(100, scope);
      await advanceDueRuns(100, scope);
      expect(await db.journeyRun.count({ where: { journeyId: journey.id } })).toBe(3);
      const tagged = await db.contact.count({ where: { workspaceId: ws.workspace.id, tags: { has: "surveyed" } } });
      expect(tagged).toBe(3);
    },
  );

  it("records a sign-up's ticked box as consent with its wording, and leaves a forged token unattributed", async () => {
    const ws = await workspace({ flowCompleteShare: 0 });
    const list = await db.consentList.create({ data: { workspaceId: ws.workspace.id, name: "Newsletter" } });
    const flow = await publishedFlow(ws, "Sign-up", "signup");
    await db.flow.update({ where: { id: flow.id }, data: { consentListId: list.id, optInField: "newsletter" } });
    const phone = `3465${String(Math.floor(Math.random() * 9e6) + 1e6)}`;
    const writes = async (wamid: string, content: object) => {
      const change = inboundChange(ws.number, { wamid, from: phone, at: new Date(), ...content } as never);
      expect(await post(envelope(ws.number.wabaId, [change]))).toBe(200);
      await drain();
    };
    // The person writes (the window opens); an agent sends the sign-up form from the inbox.
    await writes(`wamid.in-${phone}-1`, { text: "Hi! Can I get your news?" });
    const conversation = await db.conversation.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    const sent = await sendReply(ws.workspace.id, ws.users.MARKETER.id, {
      conversationId: conversation.id,
      reply: { kind: "flow", flowId: flow.id, body: "Sign up here", cta: "Sign up" },
    });
    expect(sent.state).toBe("SENT");
    const outbound = await db.outboundMessage.findUniqueOrThrow({ where: { id: sent.id } });
    const token = (outbound.payload as { interactive: { action: { parameters: { flow_token: string } } } }).interactive
      .action.parameters.flow_token;

    await writes(`wamid.in-${phone}-2`, {
      flowReply: { flow_token: "pf1.mforged.x.AAAAAAAAAAAAAAAAAAAAAA", first_name: "Eve", newsletter: true },
    });
    expect(await db.flowResponse.count({ where: { flowId: flow.id } })).toBe(0);
    await writes(`wamid.in-${phone}-3`, {
      flowReply: { flow_token: token, first_name: "Ana", topics: ["offers"], newsletter: true },
      contextWamid: outbound.wamid,
    });
    const answer = await db.flowResponse.findFirstOrThrow({ where: { flowId: flow.id } });
    expect(answer).toMatchObject({ outboundMessageId: outbound.id, answers: { first_name: "Ana", newsletter: true } });
    const consent = await db.consentEvent.findFirstOrThrow({
      where: { contactId: answer.contactId, consentListId: list.id },
    });
    expect(consent).toMatchObject({ action: "OPT_IN", source: "FLOW" });
    expect(consent.proof).toContain("Yes, send me news and offers on WhatsApp");
    expect(
      await db.contactConsent.findUniqueOrThrow({
        where: { contactId_consentListId: { contactId: answer.contactId, consentListId: list.id } },
      }),
    ).toMatchObject({ optedIn: true });

    // Two records of one person merged: the answer is the survivor's.
    const survivor = await db.contact.create({ data: { workspaceId: ws.workspace.id, name: "Ana (CRM)" } });
    await db.$transaction((tx) => mergeContacts(tx, ws.workspace.id, survivor.id, answer.contactId, "test"));
    expect(await db.flowResponse.findUniqueOrThrow({ where: { id: answer.id } })).toMatchObject({
      contactId: survivor.id,
    });
  });
  it("ties an answer to the inbox template reply whose FLOW button opened the form", async () => {
    const ws = await workspace({ flowCompleteShare: 0 });
    const flow = await publishedFlow(ws, "NPS by template", "nps");
    const components = [
      { type: "BODY", text: "How did we do?" },
      {
        type: "BUTTONS",
        buttons: [{ type: "FLOW", text: "Rate us", flow_id: flow.metaFlowId, navigate_screen: "RATING" }],
      },
    ];
    const template = await approvedTemplate(ws.workspace.id, ws.base, {
      name: "nps_inbox",
      category: "MARKETING",
      components,
    });
    const phone = `3463${String(Math.floor(Math.random() * 9e6) + 1e6)}`;
    const writes = async (wamid: string, content: object) => {
      const change = inboundChange(ws.number, { wamid, from: phone, at: new Date(), ...content } as never);
      expect(await post(envelope(ws.number.wabaId, [change]))).toBe(200);
      await drain();
    };
    await writes(`wamid.in-${phone}-1`, { text: "Hi" });
    const conversation = await db.conversation.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    await recordConsentEvent({
      workspaceId: ws.workspace.id,
      contactId: conversation.contactId,
      consentListId: ws.list.id,
      action: "OPT_IN",
      source: "ADMIN",
      proof: "Asked in the chat",
    });
    const sent = await sendReply(ws.workspace.id, ws.users.MARKETER.id, {
      conversationId: conversation.id,
      reply: { kind: "template", templateId: template.id, values: [] },
    });
    expect(sent.state).toBe("SENT");
    const outbound = await db.outboundMessage.findUniqueOrThrow({ where: { id: sent.id } });
    const button = (
      outbound.payload as { template: { components: { sub_type?: string; parameters: { action?: object }[] }[] } }
    ).template.components.find((c) => c.sub_type === "flow");
    const token = (button!.parameters[0]!.action as { flow_token: string }).flow_token;

    await writes(`wamid.in-${phone}-2`, { flowReply: { flow_token: token, score: "9" }, contextWamid: outbound.wamid });
    const answer = await db.flowResponse.findFirstOrThrow({ where: { flowId: flow.id } });
    expect(answer).toMatchObject({ outboundMessageId: outbound.id, messageId: null, answers: { score: "9" } });
  });
});

// The demo's outbound webhook endpoint: the shop's CRM, which the admin connected three days ago for tasting
// bookings (flow.completed) and campaign results (campaign.completed). The events since then were emitted as
// the domain emits them (lib/outbound-webhooks/emit.ts) and their deliveries settled as the worker leaves them:
// delivered at the first try, except one campaign result the CRM refused all day (422), which Parley gave up
// on after 24 hours of retries (FAILED). Later deliveries succeeded, so the endpoint is not failing.
//
// Where it points: crm.acme-coffee.example. The .example domain is reserved (RFC 2606) and never resolves,
// so nothing leaves the machine. Every seeded delivery is finished, and the worker claims pending ones only,
// so it tries none of them. An event someone causes later in the demo (a flow answered, a campaign completed,
// Send test event, Replay) is tried: the lookup fails at once, tries back off to hourly for 24 hours, then the
// endpoint is disabled and the admins told: Parley's own handling of a receiver that is down, bounded, with
// no log line per try. The two event types are rare ones; message.* would queue one delivery per recipient.
import "server-only";
import { encryptSecret } from "@/lib/crypto/secrets";
import type { Prisma } from "@/lib/db/client";
import { nextAttemptAt, RETRY_WINDOW_MS } from "@/lib/outbound-webhooks/backoff";
import { emitEvents, type EmitInput } from "@/lib/outbound-webhooks/emit";
import type { OutboundEventData } from "@/lib/outbound-webhooks/events";
import { generateSecret } from "@/lib/outbound-webhooks/service";

type Tx = Prisma.TransactionClient;
type Event = EmitInput & { at: Date };
type Try = { at: Date; status: number; latencyMs: number; excerpt: string };

const DEMO_ENDPOINT_URL = "https://crm.acme-coffee.example/webhooks/parley";
const CONNECTED_DAYS_AGO = 3;
const REFUSAL = '{"error":"validation_failed","detail":"totals.SKIPPED is not a field of CRM campaigns"}';

export async function seedWebhookEndpoint(tx: Tx, ws: string, c: { adminId: string; random: () => number }) {
  const since = new Date(Date.now() - CONNECTED_DAYS_AGO * 86_400_000);
  const endpoint = await tx.webhookEndpoint.create({
    data: {
      workspaceId: ws,
      url: DEMO_ENDPOINT_URL,
      description: "CRM: tasting bookings and campaign results",
      eventTypes: ["flow.completed", "campaign.completed"],
      // As the service stores it: a new secret, encrypted (the admin can reveal or rotate it).
      secretEncrypted: encryptSecret(generateSecret()),
      createdById: c.adminId,
      createdAt: since,
    },
    select: { id: true },
  });
  const events = [...(await campaignResults(tx, ws, since)), ...(await flowAnswers(tx, ws, since))].sort(
    (a, b) => a.at.getTime() - b.at.getTime(),
  );
  await emitEvents(tx, ws, events);
  const deliveries = await tx.outboundDelivery.findMany({
    where: { endpointId: endpoint.id },
    orderBy: { id: "asc" }, // emission order: the events' own
    select: { id: true, eventId: true },
  });
  const refused = events.find(
    (e) => e.type === "campaign.completed" && Date.now() - e.at.getTime() > RETRY_WINDOW_MS + 3_600_000,
  );
  const attempts: Prisma.OutboundAttemptCreateManyInput[] = [];
  for (const [i, delivery] of deliveries.entries()) {
    const event = events[i]!;
    const tries = event === refused ? refusedTries(event.at, c.random) : [firstTry(event.at, c.random)];
    const last = tries.at(-1)!;
    await tx.outboundEvent.update({ where: { id: delivery.eventId }, data: { createdAt: event.at } });
    await tx.outboundDelivery.update({
      where: { id: delivery.id },
      data: {
        createdAt: event.at,
        attempts: tries.length,
        ...(event === refused
          ? { state: "FAILED", nextAttemptAt: last.at }
          : { state: "DELIVERED", nextAttemptAt: event.at, deliveredAt: new Date(last.at.getTime() + last.latencyMs) }),
      },
    });
    for (const t of tries)
      attempts.push({
        deliveryId: delivery.id,
        endpointId: endpoint.id,
        status: t.status,
        latencyMs: t.latencyMs,
        responseExcerpt: t.excerpt,
        error: t.status < 300 ? null : `HTTP ${t.status}`,
        attemptedAt: t.at,
      });
  }
  await tx.outboundAttempt.createMany({ data: attempts });
}

/** The worker takes an event within a second of its emission; the CRM answers in a few hundred milliseconds. */
function firstTry(at: Date, random: () => number): Try {
  return {
    at: new Date(at.getTime() + 300 + random() * 700),
    status: 200,
    latencyMs: Math.round(80 + random() * 300),
    excerpt: '{"received":true}',
  };
}

/** Refused at every try, on the back-off schedule of lib/outbound-webhooks/backoff.ts, until the 24 hours are over. */
function refusedTries(createdAt: Date, random: () => number): Try[] {
  const tries: Try[] = [];
  let at: Date | null = new Date(createdAt.getTime() + 500);
  while (at) {
    const latencyMs = Math.round(60 + random() * 120);
    tries.push({ at, status: 422, latencyMs, excerpt: REFUSAL });
    at = nextAttemptAt(createdAt, tries.length, new Date(at.getTime() + latencyMs), random);
  }
  return tries;
}

/** campaign.completed for each campaign completed since `since`, with its messages per final state. */
async function campaignResults(tx: Tx, ws: string, since: Date): Promise<Event[]> {
  const campaigns = await tx.campaign.findMany({
    where: { workspaceId: ws, status: "COMPLETED", completedAt: { gte: since } },
    select: { id: true, name: true, completedAt: true },
  });
  const events: Event[] = [];
  for (const k of campaigns) {
    const totals = await tx.message.groupBy({ by: ["state"], where: { campaignId: k.id }, _count: true });
    const payload = {
      campaignId: k.id,
      name: k.name,
      totals: Object.fromEntries(totals.map((t) => [t.state, t._count])),
      completedAt: k.completedAt!.toISOString(),
    } satisfies OutboundEventData<"campaign.completed">;
    events.push({ type: "campaign.completed", payload, timestamp: k.completedAt!, at: k.completedAt! });
  }
  return events;
}

/** flow.completed for each flow answered since `since` (the tasting bookings), as lib/flows/answers.ts words it. */
async function flowAnswers(tx: Tx, ws: string, since: Date): Promise<Event[]> {
  const answers = await tx.flowResponse.findMany({
    where: { workspaceId: ws, completedAt: { gte: since, lte: new Date() } },
    select: {
      id: true,
      flowId: true,
      contactId: true,
      answers: true,
      messageId: true,
      campaignId: true,
      journeyId: true,
      completedAt: true,
      flow: { select: { name: true } },
      contact: { select: { phone: true, bsuid: true } },
    },
  });
  return answers.map((a) => ({
    type: "flow.completed",
    orderingKey: a.contactId,
    timestamp: a.completedAt,
    at: a.completedAt,
    payload: {
      responseId: a.id,
      flowId: a.flowId,
      flowName: a.flow.name,
      contactId: a.contactId,
      phone: a.contact.phone,
      bsuid: a.contact.bsuid,
      answers: a.answers as Record<string, unknown>,
      messageId: a.messageId,
      campaignId: a.campaignId,
      journeyId: a.journeyId,
      occurredAt: a.completedAt.toISOString(),
    } satisfies OutboundEventData<"flow.completed">,
  }));
}

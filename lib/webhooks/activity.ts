// What the settings page shows live: the latest statuses and inbound messages, and the backlog.
import "server-only";
import { db } from "@/lib/db/client";
import { contactHandle } from "@/lib/contacts/identity";
import type { InboundMessageEvent } from "@/lib/whatsapp/schemas";
import { replyText } from "@/lib/whatsapp/inbound";
import { listFailedWebhooks, webhookBacklog } from "./process";

export async function webhookActivity(workspaceId: string) {
  const [statuses, inbound, backlog, failed] = await Promise.all([
    db.messageStatusEvent.findMany({
      where: { workspaceId },
      orderBy: { id: "desc" },
      take: 12,
      select: {
        id: true,
        wamid: true,
        status: true,
        recipient: true,
        errorCode: true,
        occurredAt: true,
        recordedAt: true,
      },
    }),
    db.inboundMessage.findMany({
      where: { workspaceId },
      orderBy: { receivedAt: "desc" },
      take: 6,
      select: {
        id: true,
        type: true,
        payload: true,
        receivedAt: true,
        contact: { select: { phone: true, bsuid: true, username: true, name: true } },
      },
    }),
    webhookBacklog(workspaceId),
    listFailedWebhooks(workspaceId, 5),
  ]);
  return {
    statuses: statuses.map((s) => ({ ...s, id: s.id.toString() })),
    inbound: inbound.map((m) => ({
      id: m.id,
      type: m.type,
      text: replyText(m.payload as InboundMessageEvent) ?? `[${m.type}]`,
      from: m.contact.name ? `${m.contact.name} (${contactHandle(m.contact)})` : contactHandle(m.contact),
      receivedAt: m.receivedAt,
    })),
    backlog,
    failed,
  };
}
export type WebhookActivity = Awaited<ReturnType<typeof webhookActivity>>;

/** One message's statuses in the order they were recorded: the test message's own, which the latest above may push out. */
export async function messageStatuses(workspaceId: string, wamid: string) {
  const statuses = await db.messageStatusEvent.findMany({
    where: { workspaceId, wamid },
    orderBy: { id: "asc" },
    select: { id: true, status: true, errorCode: true, occurredAt: true },
  });
  return statuses.map((s) => ({ ...s, id: s.id.toString() }));
}
export type MessageStatuses = Awaited<ReturnType<typeof messageStatuses>>;

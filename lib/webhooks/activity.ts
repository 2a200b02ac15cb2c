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

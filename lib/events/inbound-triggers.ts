// What a person's own message starts: a keyword they write ("JOIN") or a tap on a campaign's quick-reply
// button. The inbound webhook (lib/webhooks/apply-inbound.ts) records either as a ContactEvent for the
// journey engine (lib/journeys/engine.ts), but only when a live journey starts on it: a workspace without
// such journeys writes nothing more per message.
import "server-only";
import type { Prisma } from "@/lib/db/client";
import { JOURNEYS_CHANNEL, notifySoon } from "@/lib/db/notify";
import { BUTTON_EVENT, buttonTrigger, KEYWORD_EVENT, KEYWORD_MAX, keywordOf, keywordTrigger } from "./trigger-keys";

type Inbound = {
  workspaceId: string;
  contactId: string;
  wamid: string;
  occurredAt: Date;
  /** The message's text (a typed message), null for media or taps. */
  text: string | null;
  /** A tap on a campaign message's button: that campaign and the button's text. */
  tap: { campaignId: string; button: string } | null;
};

/** Records the keyword or the tap of an inbound message for the journeys that start on it, if any is live. */
export async function recordInboundTriggers(tx: Prisma.TransactionClient, input: Inbound): Promise<void> {
  const event = input.tap
    ? {
        name: BUTTON_EVENT,
        trigger: buttonTrigger(input.tap.campaignId, input.tap.button),
        properties: { campaignId: input.tap.campaignId, button: input.tap.button.trim(), wamid: input.wamid },
      }
    : input.text && input.text.trim() && input.text.length <= KEYWORD_MAX
      ? {
          name: KEYWORD_EVENT,
          trigger: keywordTrigger(input.text),
          properties: { keyword: keywordOf(input.text), text: input.text, wamid: input.wamid },
        }
      : null;
  if (!event) return;
  const written = await tx.$executeRaw`
    INSERT INTO "ContactEvent" (id, "workspaceId", "contactId", name, properties, "occurredAt")
    SELECT gen_random_uuid()::text, ${input.workspaceId}, ${input.contactId}, ${event.name},
      ${JSON.stringify(event.properties)}::jsonb, ${input.occurredAt}
    WHERE EXISTS (SELECT 1 FROM "Journey" WHERE "workspaceId" = ${input.workspaceId} AND status = 'LIVE'
      AND trigger = ${event.trigger})`;
  if (written > 0) notifySoon(JOURNEYS_CHANNEL);
}

// Tracked links: a URL button whose template address is APP_URL/r/{{1}} gets, per recipient, an ending
// naming the message and button (and the carousel card, for a card's button), signed so that nobody can make
// up clicks. Opening it records the first open on the message (the report's per-button breakdown and
// "clicked") and redirects to the address the campaign gave that button.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { mappingSchema } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** The start of a template link address whose ending Parley tracks. */
export const trackedLinkBase = () => `${env().APP_URL.replace(/\/$/, "")}/r/`;

const sign = (body: string) =>
  createHmac("sha256", env().AUTH_SECRET).update(`link:${body}`).digest("base64url").slice(0, 16);

/** A tracked button: the message's own (`card` undefined) or a carousel card's (cards from 0). */
type TrackedButton = { messageId: string; button: number; card?: number };

/**
 * The URL ending for one message's button: "<message id>.<button>.<signature>", or for a carousel card's
 * button "<message id>.<card>.<button>.<signature>". The message's own buttons keep the first form, so every
 * link already sent keeps working; the two sign different bodies, so one cannot be turned into the other.
 */
export function linkToken(messageId: string, button: number, card?: number): string {
  const body = card === undefined ? `${messageId}.${button}` : `${messageId}.${card}.${button}`;
  return `${body}.${sign(body)}`;
}

export function readLinkToken(token: string): TrackedButton | null {
  const match = /^([a-z0-9-]{8,40})\.(?:(\d)\.)?(\d)\.([A-Za-z0-9_-]{16})$/.exec(token);
  if (!match) return null;
  const [, messageId, card, button, signature] = match;
  const body = card === undefined ? `${messageId}.${button}` : `${messageId}.${card}.${button}`;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { messageId: messageId!, button: Number(button), ...(card === undefined ? {} : { card: Number(card) }) };
}

/** The campaign's variable (lib/campaigns/schemas.ts) that holds a tracked button's address. */
export const trackedSlot = (link: Omit<TrackedButton, "messageId">) =>
  `${link.card === undefined ? "" : `card:${link.card}:`}button:${link.button}`;

/** Meta's click id, as it appends it to an address tapped in a marketing message (Marketing Messages API). */
const CLICK_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Records an open (the first per message counts) and returns where the link goes, or null for a bad link.
 * `clickId`: the click id Meta appended, which ties Meta's click webhook to this message (counted once, here).
 */
export async function openTrackedLink(token: string, at = new Date(), clickId?: string | null): Promise<string | null> {
  const link = readLinkToken(token);
  if (!link) return null;
  const message = await db.message.findUnique({
    where: { id: link.messageId },
    select: { workspaceId: true, linkClickedAt: true, campaign: { select: { variableMapping: true } } },
  });
  const mapping = mappingSchema.safeParse(message?.campaign?.variableMapping);
  const variable = mapping.success ? mapping.data.variables[trackedSlot(link)] : undefined;
  if (!message || variable?.source !== "tracked") return null;
  if (!message.linkClickedAt) {
    await db.message.updateMany({
      where: { id: link.messageId, linkClickedAt: null },
      data: { linkClickedAt: at, linkButton: link.button, linkCard: link.card ?? null },
    });
  }
  if (clickId && CLICK_ID.test(clickId)) {
    await db.marketingLinkClick.upsert({
      where: { workspaceId_clickId: { workspaceId: message.workspaceId, clickId } },
      create: { workspaceId: message.workspaceId, clickId, messageId: link.messageId },
      update: { messageId: link.messageId },
    });
  }
  return variable.value;
}

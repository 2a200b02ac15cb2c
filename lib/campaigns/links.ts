// Tracked links: a URL button whose template address is APP_URL/r/{{1}} gets, per recipient, an ending
// naming the message and button, signed so that nobody can make up clicks. Opening it records the first
// open on the message (the report's per-button breakdown and "clicked") and redirects to the address the
// campaign gave that button.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { mappingSchema } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** The start of a template link address whose ending Parley tracks. */
export const trackedLinkBase = () => `${env().APP_URL.replace(/\/$/, "")}/r/`;

const sign = (body: string) =>
  createHmac("sha256", env().AUTH_SECRET).update(`link:${body}`).digest("base64url").slice(0, 16);

/** The URL ending for one message's button: "<message id>.<button index>.<signature>". */
export function linkToken(messageId: string, button: number): string {
  const body = `${messageId}.${button}`;
  return `${body}.${sign(body)}`;
}

export function readLinkToken(token: string): { messageId: string; button: number } | null {
  const match = /^([a-z0-9-]{8,40})\.(\d)\.([A-Za-z0-9_-]{16})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(sign(`${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { messageId: match[1]!, button: Number(match[2]) };
}

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
  const variable = mapping.success ? mapping.data.variables[`button:${link.button}`] : undefined;
  if (!message || variable?.source !== "tracked") return null;
  if (!message.linkClickedAt) {
    await db.message.updateMany({
      where: { id: link.messageId, linkClickedAt: null },
      data: { linkClickedAt: at, linkButton: link.button },
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

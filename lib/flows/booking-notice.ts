// Telling a person that the time they booked was not theirs after all: their hold had expired and the slot
// filled up before their answer came (confirmBooking released the booking). The answer's transaction queues the
// job; the worker sends the words as an inbox reply (lib/worker/jobs.ts), the 24-hour window checked there, so the
// thread shows it as any other outbound message. The words are in the person's language where Parley has it.
import "server-only";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { defineJob } from "@/lib/jobs/engine";
import en from "@/messages/en/flows.json";
import es from "@/messages/es/flows.json";
import fr from "@/messages/fr/flows.json";
import it from "@/messages/it/flows.json";
import pt from "@/messages/pt/flows.json";
import sv from "@/messages/sv/flows.json";
import { APPOINTMENT_FORMAT } from "./booking-flow";

/** The message saying the booked time was taken meanwhile; sent once per answer (its wamid is the dedupe key). */
export const bookingTakenJob = defineJob(
  "flows.booking-taken",
  z.object({ workspaceId: z.string(), contactId: z.string(), bookingId: z.string(), replyTo: z.string() }),
  { timeoutSeconds: 60, concurrency: 4 },
);

// The flows namespace of each language, imported statically: the worker is bundled (scripts/build-dist.mjs), and
// a bundle cannot follow lib/i18n/catalog's run-time imports.
const FLOWS: Record<Locale, typeof en> = { en, es, fr, it, pt, sv };

/** The contact's language ("es", "pt_BR", "fr-CA") as one Parley speaks, else English. */
export function customerLocale(locale: string | null): Locale {
  const base = locale?.split(/[-_]/)[0]?.toLowerCase();
  return isLocale(base) ? base : "en";
}

/** The words for a booked time that was taken: the time in words on the workspace's clock, in `locale`. */
export function bookingTakenText(locale: Locale, slotStart: Date, timeZone: string): string {
  const t = createTranslator({ locale, messages: { flows: FLOWS[locale] } });
  const time = new Intl.DateTimeFormat(locale, { ...APPOINTMENT_FORMAT, timeZone }).format(slotStart);
  return t("flows.customer.bookingTaken", { time });
}

/**
 * What to send for a released booking, or null when there is nothing to say: the booking is not released (it was
 * confirmed after all), the person has no conversation, or the message was already sent for this answer (a job
 * run twice sends once: whatever left before, even if its answer never came back, is not sent again).
 */
export async function bookingTakenNotice(
  input: z.output<typeof bookingTakenJob.schema>,
): Promise<{ conversationId: string; lastInboundAt: Date | null; text: string } | null> {
  const { workspaceId, contactId, bookingId, replyTo } = input;
  const [booking, conversation, workspace] = await Promise.all([
    db.booking.findFirst({ where: { id: bookingId, workspaceId }, select: { status: true, slotStart: true } }),
    db.conversation.findFirst({
      where: { workspaceId, contactId },
      select: { id: true, lastInboundAt: true, contact: { select: { locale: true } } },
    }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: { timeZone: true } }),
  ]);
  if (booking?.status !== "RELEASED" || !conversation || !workspace) return null;
  const told = await db.outboundMessage.findFirst({
    where: { conversationId: conversation.id, contextWamid: replyTo, authorId: null, type: "text" },
    select: { id: true },
  });
  if (told) return null;
  return {
    conversationId: conversation.id,
    lastInboundAt: conversation.lastInboundAt,
    text: bookingTakenText(customerLocale(conversation.contact.locale), booking.slotStart, workspace.timeZone),
  };
}

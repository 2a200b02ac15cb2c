// One decrypted WhatsApp Flows data-exchange request, answered (data API 3.0): the health check, error
// notifications, and the booking Flow (lib/flows/booking-flow.ts) fed from the workspace's free slots. The route
// (app/api/flows/endpoint/[workspaceId]) decrypts, calls answerExchange and encrypts; this module never sees
// keys or HTTP. Words the person reads in WhatsApp are in English, as the booking Flow's own are.
import "server-only";
import { z } from "zod";
import { logger } from "@/lib/logger";
import {
  bookingWindow,
  freeDays,
  freeSlotsOfDay,
  isOfferedSlot,
  localDay,
  localTime,
  type AvailabilityRules,
  type FreeSlot,
} from "./availability";
import { BOOKING_SCREENS, BOOKING_TRIGGERS, SLOT_ID, slotId } from "./booking-flow";
import { bookingContext, holdSlot, takenSeats } from "./bookings";
import { readFlowToken } from "./flow-token";

export { confirmBooking } from "./bookings";

/** How far ahead the booking Flow offers days. */
export const DAYS_AHEAD = 14;
const MAX_OPTIONS = 200; // Meta's Dropdown limit

const requestSchema = z.object({
  version: z.string(),
  action: z.enum(["ping", "INIT", "data_exchange", "BACK"]),
  screen: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  flow_token: z.string().min(1).max(256).optional(),
});

/**
 * What to do with the request: an answer to encrypt, or a status without one. "invalid_token": Meta's 427 (a
 * token Parley did not issue for this workspace, or whose booking was cancelled: WhatsApp closes the Flow).
 * "bad_request": decrypted, but not a request of the data API.
 */
export type ExchangeOutcome =
  { kind: "answer"; body: ExchangeAnswer } | { kind: "invalid_token" } | { kind: "bad_request" };
export type ExchangeAnswer = { screen?: string; data: Record<string, unknown> };

type Option = { id: string; title: string; enabled?: boolean };

const WORDS = {
  full: "Sorry, that time has just been taken. Please choose another one.",
  notOffered: "That time is no longer available. Please choose another one.",
  noDays: "No free times",
  chooseDay: "Choose a day first",
};

const dayTitle = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const titleOfDay = (day: string) => dayTitle.format(new Date(`${day}T12:00:00Z`)).replace(",", "");
const DAY_ID = /^\d{4}-\d{2}-\d{2}$/;

const slotOptions = (slots: FreeSlot[]): Option[] =>
  slots.slice(0, MAX_OPTIONS).map((s) => ({ id: slotId(s.start), title: s.time }));
const placeholder = (title: string): Option[] => [{ id: "none", title, enabled: false }];

/** The APPOINTMENT screen: the free days, and the times of `day` (enabled) or of the first free day (not yet). */
async function appointmentScreen(
  workspaceId: string,
  rules: AvailabilityRules | null,
  now: Date,
  day?: string,
  errorMessage?: string,
): Promise<ExchangeAnswer> {
  let days: { day: string }[] = [];
  let slots: FreeSlot[] = [];
  const chosen = Boolean(day);
  if (rules) {
    const { from, to } = bookingWindow(rules, now, DAYS_AHEAD);
    const taken = await takenSeats(workspaceId, from, to, now);
    days = freeDays(rules, taken, now, DAYS_AHEAD);
    const shown = days.find((d) => d.day === day) ?? days[0];
    if (shown) slots = freeSlotsOfDay(rules, shown.day, taken, now);
    if (shown?.day !== day) day = undefined;
  }
  return {
    screen: BOOKING_SCREENS.appointment,
    data: {
      days: days.length ? days.map((d) => ({ id: d.day, title: titleOfDay(d.day) })) : placeholder(WORDS.noDays),
      slots: slots.length ? slotOptions(slots) : placeholder(WORDS.chooseDay),
      slots_enabled: chosen && day !== undefined,
      ...(errorMessage ? { error_message: errorMessage } : {}),
    },
  };
}

/** Holds the chosen slot for the token and moves on to DETAILS; a full or odd slot stays on APPOINTMENT. */
async function hold(
  workspaceId: string,
  rules: AvailabilityRules | null,
  flowToken: string,
  contactId: string | null,
  slot: unknown,
  now: Date,
): Promise<ExchangeOutcome> {
  if (typeof slot !== "string" || !SLOT_ID.test(slot)) return { kind: "bad_request" };
  const start = new Date(slot);
  const day = rules ? localDay(rules.timeZone, start) : undefined;
  if (!rules || !isOfferedSlot(rules, start, now))
    return { kind: "answer", body: await appointmentScreen(workspaceId, rules, now, day, WORDS.notOffered) };
  const held = await holdSlot({ workspaceId, flowToken, slotStart: start, capacity: rules.capacity, contactId, now });
  if (held.status === "closed") return { kind: "invalid_token" };
  if (held.status === "full")
    return { kind: "answer", body: await appointmentScreen(workspaceId, rules, now, day, WORDS.full) };
  return {
    kind: "answer",
    body: {
      screen: BOOKING_SCREENS.details,
      data: { slot, slot_label: `${titleOfDay(day!)}, ${localTime(rules.timeZone, start)}` },
    },
  };
}

/** Answers one decrypted request for the workspace. Never throws for a request's content; only for a failure. */
export async function answerExchange(
  workspaceId: string,
  payload: unknown,
  now = new Date(),
): Promise<ExchangeOutcome> {
  const parsed = requestSchema.safeParse(payload);
  if (!parsed.success) return { kind: "bad_request" };
  const request = parsed.data;
  if (request.action === "ping") return { kind: "answer", body: { data: { status: "active" } } };

  const data = request.data ?? {};
  if (data.error !== undefined) {
    // WhatsApp tells the endpoint that its previous answer failed on the phone (an invalid screen or data).
    logger.warn("WhatsApp reported an error with a Flows endpoint answer", {
      workspaceId,
      screen: request.screen,
      error: String(data.error),
      errorMessage: typeof data.error_message === "string" ? data.error_message : undefined,
    });
    return { kind: "answer", body: { data: { acknowledged: true } } };
  }

  const token = request.flow_token ? readFlowToken(workspaceId, request.flow_token) : null;
  if (!token || !request.flow_token) return { kind: "invalid_token" };
  const { rules, tokenStatus } = await bookingContext(workspaceId, request.flow_token);
  if (tokenStatus === "RELEASED") return { kind: "invalid_token" };

  if (request.action === "INIT" || request.action === "BACK")
    return { kind: "answer", body: await appointmentScreen(workspaceId, rules, now) };

  switch (data.trigger) {
    case BOOKING_TRIGGERS.day:
      if (typeof data.day !== "string" || !DAY_ID.test(data.day)) return { kind: "bad_request" };
      return { kind: "answer", body: await appointmentScreen(workspaceId, rules, now, data.day) };
    case BOOKING_TRIGGERS.hold:
      return hold(workspaceId, rules, request.flow_token, token.contactId, data.slot, now);
    default:
      return { kind: "bad_request" };
  }
}

// The booking Flow that Parley's data-exchange endpoint serves (lib/flows/exchange.ts): pick a day and a time
// from the workspace's free slots, give a name, confirm. Its wording is what the business's customers read, in
// English to begin with, as the starters' is.
//
// Shape: APPOINTMENT → DETAILS → SUMMARY.
// - APPOINTMENT: two Dropdowns fed by the endpoint, days from `${data.days}`, times from `${data.slots}`. Choosing
//   a day asks the endpoint (data_exchange, on-select) for that day's times; the Footer asks it to hold the chosen
//   time. The hold happens here, as early as possible, so that the seat is kept while the person types their
//   name, and a time taken meanwhile is refused on the screen where another one can be chosen (`error_message`
//   with the times refreshed).
// - DETAILS: the name, with the held time shown; going back from here refreshes APPOINTMENT (refresh_on_back).
// - SUMMARY: terminal; `complete` sends the answer (nfm_reply) whose flow_token confirms the hold (confirmBooking).
export const BOOKING_SCREENS = { appointment: "APPOINTMENT", details: "DETAILS", summary: "SUMMARY" } as const;

/** What the endpoint receives from the booking Flow's data_exchange actions (`data.trigger`). */
export const BOOKING_TRIGGERS = { day: "day_selected", hold: "slot_chosen" } as const;

/** The booking Flow's answer that names the chosen time: its time Dropdown, fed by the endpoint. */
export const BOOKING_SLOT_FIELD = "slot";

/** A slot's id in the Flow: its UTC start to the minute ("2026-12-03T09:00Z"), the same whatever the zone. */
export const slotId = (start: Date) => `${start.toISOString().slice(0, 16)}Z`;
export const SLOT_ID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;

/**
 * The time a booking Flow's answer names (its slot's id), or null for any other answer: the booking Flow's time
 * Dropdown, whose options the endpoint sends (so the Flow JSON lists none).
 */
export function bookedSlotAt(
  question: { name: string; type: string; options: unknown[] } | undefined,
  value: unknown,
): Date | null {
  if (question?.name !== BOOKING_SLOT_FIELD || question.type !== "Dropdown" || question.options.length) return null;
  return typeof value === "string" && SLOT_ID.test(value) ? new Date(value) : null;
}

/**
 * How a booked time reads to people (Intl options): with the workspace's time zone, since an appointment is on the
 * business's clock, the zone named so that a reader elsewhere is not misled; in the reader's language.
 */
export const APPOINTMENT_FORMAT = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;

/** The Flow JSON (7.3, data API 3.0): its Dropdowns bound to the endpoint's data ("${data.days}"). */
export function bookingFlowJson() {
  const { appointment, details, summary } = BOOKING_SCREENS;
  const option = {
    type: "array",
    items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
  };
  return {
    version: "7.3",
    data_api_version: "3.0",
    routing_model: { [appointment]: [details], [details]: [summary], [summary]: [] },
    screens: [
      {
        id: appointment,
        title: "Book an appointment",
        data: {
          days: { ...option, __example__: [{ id: "2026-12-03", title: "Thu 3 Dec" }] },
          slots: { ...option, __example__: [{ id: "2026-12-03T09:00Z", title: "10:00" }] },
          slots_enabled: { type: "boolean", __example__: false },
        },
        layout: {
          type: "SingleColumnLayout",
          children: [
            { type: "TextBody", text: "Choose a day, then a time." },
            {
              type: "Dropdown",
              name: "day",
              label: "Day",
              required: true,
              "data-source": "${data.days}",
              "on-select-action": {
                name: "data_exchange",
                payload: { trigger: BOOKING_TRIGGERS.day, day: "${form.day}" },
              },
            },
            {
              type: "Dropdown",
              name: "slot",
              label: "Time",
              required: true,
              enabled: "${data.slots_enabled}",
              "data-source": "${data.slots}",
            },
            {
              type: "Footer",
              label: "Continue",
              "on-click-action": {
                name: "data_exchange",
                payload: { trigger: BOOKING_TRIGGERS.hold, slot: "${form.slot}" },
              },
            },
          ],
        },
      },
      {
        id: details,
        title: "Your details",
        refresh_on_back: true,
        data: {
          slot: { type: "string", __example__: "2026-12-03T09:00Z" },
          slot_label: { type: "string", __example__: "Thu 3 Dec, 10:00" },
        },
        layout: {
          type: "SingleColumnLayout",
          children: [
            { type: "TextSubheading", text: "${data.slot_label}" },
            { type: "TextCaption", text: "We keep this time for you for 15 minutes." },
            { type: "TextInput", name: "customer_name", label: "Your name", "input-type": "text", required: true },
            {
              type: "Footer",
              label: "Review",
              "on-click-action": {
                name: "navigate",
                next: { type: "screen", name: summary },
                payload: {
                  slot: "${data.slot}",
                  slot_label: "${data.slot_label}",
                  customer_name: "${form.customer_name}",
                },
              },
            },
          ],
        },
      },
      {
        id: summary,
        title: "Confirm",
        terminal: true,
        success: true,
        data: {
          slot: { type: "string", __example__: "2026-12-03T09:00Z" },
          slot_label: { type: "string", __example__: "Thu 3 Dec, 10:00" },
          customer_name: { type: "string", __example__: "Ana" },
        },
        layout: {
          type: "SingleColumnLayout",
          children: [
            { type: "TextHeading", text: "${data.slot_label}" },
            { type: "TextBody", text: "${data.customer_name}" },
            {
              type: "Footer",
              label: "Confirm booking",
              "on-click-action": {
                name: "complete",
                payload: { slot: "${data.slot}", customer_name: "${data.customer_name}" },
              },
            },
          ],
        },
      },
    ],
  };
}

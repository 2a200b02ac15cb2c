// The gallery a new journey starts from: four common WhatsApp journeys, each an ordinary draft once created
// (every step editable). Templates are named as the demo workspace's (prisma/seed); in another workspace
// the builder flags a missing template on its step until one is picked.
import { z } from "zod";
import { journeyName, type Graph, type Step } from "./graph";
import { newStep } from "./graph-edit";
import { STARTER_IDS, type StarterId } from "./starter-ids";

/** The new-journey form: a name and the starter it begins as. */
export const newJourneySchema = z.object({ name: journeyName, starter: z.enum(STARTER_IDS) });

const HOUR = 3600;
const at = (x: number, y: number) => ({ x, y });
/** A wait step: the defaults of one the builder adds, with these fields. */
const wait = (id: string, position: { x: number; y: number }, fields: Partial<Extract<Step, { kind: "wait" }>>) => ({
  ...(newStep("wait", id, position) as Extract<Step, { kind: "wait" }>),
  ...fields,
});

/** Each starter's graph; names come from the catalog (journeys.starters.<id>.name). */
export function starterGraph(id: StarterId, consentListId = ""): Graph {
  switch (id) {
    case "blank":
      return {
        trigger: { kind: "event", event: "order.shipped" },
        start: "exit_1",
        steps: [{ id: "exit_1", kind: "exit", label: "", position: at(0, 120) }],
        goal: null,
        entry: { rule: "always", days: 30 },
      };
    case "orderShipped":
      return {
        trigger: { kind: "event", event: "order.shipped" },
        start: "send_1",
        steps: [
          {
            id: "send_1",
            kind: "send",
            label: "Shipped",
            template: "order_shipped",
            headerMedia: "",
            variables: {
              "body:1": { source: "field", value: "first_name", fallback: "there" },
              "body:2": { source: "event", value: "orderId", fallback: "" },
              "body:3": { source: "event", value: "eta", fallback: "soon" },
              "button:0": { source: "event", value: "trackingCode", fallback: "" },
            },
            next: "wait_1",
            position: at(0, 120),
          },
          wait("wait_1", at(0, 240), {
            label: "Until delivered",
            mode: "event",
            event: "order.delivered",
            seconds: 7 * 24 * HOUR,
            next: "send_2",
          }),
          {
            id: "send_2",
            kind: "send",
            label: "Delivered",
            template: "order_delivered",
            headerMedia: "",
            variables: { "body:1": { source: "event", value: "orderId", fallback: "" } },
            next: null,
            position: at(0, 360),
          },
        ],
        goal: null,
        entry: { rule: "always", days: 30 },
      };
    case "appointmentReminder":
      return {
        trigger: { kind: "event", event: "appointment.booked" },
        start: "wait_1",
        steps: [
          wait("wait_1", at(0, 120), {
            label: "24 h before",
            mode: "until",
            dateKey: "appointment_at",
            offsetHours: -24,
            next: "send_1",
          }),
          {
            id: "send_1",
            kind: "send",
            label: "Reminder",
            template: "appointment_reminder",
            headerMedia: "",
            variables: {
              "body:1": { source: "field", value: "first_name", fallback: "there" },
              "body:2": { source: "event", value: "when", fallback: "tomorrow" },
            },
            next: "branch_1",
            position: at(0, 240),
          },
          {
            id: "branch_1",
            kind: "branch",
            label: "Tapped Reschedule?",
            signal: "button",
            key: "Reschedule",
            value: "",
            seconds: 12 * HOUR,
            yes: "handoff_1",
            no: "exit_1",
            position: at(0, 360),
          },
          {
            id: "handoff_1",
            kind: "handoff",
            label: "To the booking team",
            reason: "Asked to reschedule",
            next: null,
            position: at(-160, 480),
          },
          { id: "exit_1", kind: "exit", label: "", position: at(160, 480) },
        ],
        goal: null,
        entry: { rule: "always", days: 30 },
      };
    case "abandonedCart":
      return {
        trigger: { kind: "event", event: "cart.abandoned" },
        start: "wait_1",
        steps: [
          wait("wait_1", at(0, 120), { label: "1 hour", next: "send_1" }),
          {
            id: "send_1",
            kind: "send",
            label: "Offer",
            template: "cart_reminder",
            headerMedia: "",
            variables: { "body:1": { source: "field", value: "first_name", fallback: "there" } },
            next: "branch_1",
            position: at(0, 240),
          },
          {
            id: "branch_1",
            kind: "branch",
            label: "Read within 24 h?",
            signal: "read",
            key: "",
            value: "",
            seconds: 24 * HOUR,
            yes: null,
            no: "handoff_1",
            position: at(0, 360),
          },
          {
            id: "handoff_1",
            kind: "handoff",
            label: "Email instead",
            reason: "Offer not read in 24 h",
            next: null,
            position: at(160, 480),
          },
        ],
        goal: { event: "order.placed", seconds: 3 * 24 * HOUR },
        entry: { rule: "again", days: 7 },
      };
    case "welcomeSeries":
      return {
        trigger: { kind: "optIn", consentListId },
        start: "send_1",
        steps: [
          {
            id: "send_1",
            kind: "send",
            label: "Confirm",
            template: "welcome_confirm",
            headerMedia: "",
            variables: { "body:1": { source: "field", value: "first_name", fallback: "there" } },
            next: "branch_1",
            position: at(0, 120),
          },
          {
            id: "branch_1",
            kind: "branch",
            label: "Confirmed?",
            signal: "button",
            key: "Yes, keep me posted",
            value: "",
            seconds: 48 * HOUR,
            yes: "update_1",
            no: "exit_1",
            position: at(0, 240),
          },
          {
            id: "update_1",
            kind: "update",
            label: "Tag as confirmed",
            addTags: ["double-opt-in"],
            removeTags: [],
            attributes: {},
            consent: null,
            next: "wait_1",
            position: at(-160, 360),
          },
          wait("wait_1", at(-160, 480), { label: "2 days", seconds: 48 * HOUR, next: "send_2" }),
          {
            id: "send_2",
            kind: "send",
            label: "Welcome offer",
            template: "welcome_offer",
            headerMedia: "",
            variables: {},
            next: null,
            position: at(-160, 600),
          },
          { id: "exit_1", kind: "exit", label: "", position: at(160, 360) },
        ],
        goal: null,
        entry: { rule: "once", days: 30 },
      };
  }
}

// The gallery a new flow starts from: five common WhatsApp forms, each an ordinary draft once created (every
// screen and field editable), and the booking Flow served by Parley's data-exchange endpoint (its JSON only: the
// form editor cannot hold an endpoint). Their wording is what the business's customers read, in English to begin
// with, as a template's is; the gallery's names and descriptions are the catalog's (flows.starters.<id>).
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { bookingFlowJson } from "./booking-flow";
import type { FlowCategory, FlowJson } from "./flow-json";
import { flowJsonOf, type FlowForm, type FormField } from "./form";
import { FLOW_STARTER_IDS, type FlowStarterId, type FormStarterId } from "./starter-ids";

export const flowName = z
  .string()
  .trim()
  .min(1, messageKey("flows.errors.nameRequired"))
  .max(120, messageKey("flows.errors.nameLong"));

export const newFlowSchema = z.object({ name: flowName, starter: z.enum(FLOW_STARTER_IDS) });

const field = (
  kind: FormField["kind"],
  name: string,
  label: string,
  required = true,
  options: string[] = [],
): FormField => ({
  kind,
  name,
  label,
  required,
  options: options.map((title, i) => ({ id: options.length === 11 ? String(i) : slug(title, i), title })),
});
const slug = (title: string, i: number) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "") || `option_${i + 1}`;
const text = (kind: "heading" | "body", label: string): FormField => ({
  kind,
  name: "",
  label,
  required: false,
  options: [],
});

type Starter<F> = { category: FlowCategory; form: F; optInField: string | null };

/** Each starter: its category, form (none: the endpoint's booking Flow), and (a sign-up) the opt-in box that records consent. */
export function flowStarter(id: FormStarterId): Starter<FlowForm>;
export function flowStarter(id: FlowStarterId): Starter<FlowForm | null>;
export function flowStarter(id: FlowStarterId): Starter<FlowForm | null> {
  switch (id) {
    case "nps":
      return {
        category: "SURVEY",
        optInField: null,
        form: {
          screens: [
            {
              id: "RATING",
              title: "Quick question",
              button: "Send",
              fields: [
                text("heading", "How likely are you to recommend us to a friend?"),
                field(
                  "single",
                  "score",
                  "0 = not at all, 10 = very",
                  true,
                  Array.from({ length: 11 }, (_, i) => String(i)),
                ),
                field("paragraph", "reason", "Main reason", false),
              ],
            },
          ],
        },
      };
    case "feedback":
      return {
        category: "SURVEY",
        optInField: null,
        form: {
          screens: [
            {
              id: "EXPERIENCE",
              title: "Your visit",
              button: "Continue",
              fields: [
                field("single", "satisfaction", "How was your experience?", true, [
                  "Excellent",
                  "Good",
                  "Okay",
                  "Poor",
                ]),
                field("multiple", "liked", "What did you like?", false, ["Staff", "Speed", "Price", "Quality"]),
              ],
            },
            {
              id: "DETAILS",
              title: "Anything else?",
              button: "Send",
              fields: [
                field("paragraph", "comments", "Comments", false),
                field("single", "contact_me", "May we contact you about it?", true, ["Yes", "No"]),
              ],
            },
          ],
        },
      };
    case "booking":
      return {
        category: "APPOINTMENT_BOOKING",
        optInField: null,
        form: {
          screens: [
            {
              id: "APPOINTMENT",
              title: "Book an appointment",
              button: "Continue",
              fields: [
                field("dropdown", "service", "Service", true, ["Consultation", "Follow-up", "Repair"]),
                field("date", "day", "Day"),
                field("single", "time", "Time", true, ["Morning", "Afternoon", "Evening"]),
              ],
            },
            {
              id: "DETAILS",
              title: "Your details",
              button: "Book",
              fields: [field("text", "full_name", "Full name"), field("paragraph", "notes", "Notes", false)],
            },
          ],
        },
      };
    case "liveBooking":
      return { category: "APPOINTMENT_BOOKING", optInField: null, form: null };
    case "lead":
      return {
        category: "LEAD_GENERATION",
        optInField: null,
        form: {
          screens: [
            {
              id: "CONTACT",
              title: "Get a quote",
              button: "Send",
              fields: [
                text("body", "Tell us a little about you and we will get back to you within a day."),
                field("text", "full_name", "Full name"),
                field("email", "email", "Email"),
                field("text", "company", "Company", false),
                field("dropdown", "budget", "Budget", true, ["Under 1,000", "1,000–10,000", "Over 10,000"]),
              ],
            },
          ],
        },
      };
    case "signup":
      return {
        category: "SIGN_UP",
        optInField: "newsletter",
        form: {
          screens: [
            {
              id: "SIGN_UP",
              title: "Join our newsletter",
              button: "Sign up",
              fields: [
                field("text", "first_name", "First name"),
                field("multiple", "topics", "Topics you like", false, ["New arrivals", "Offers", "Events"]),
                field(
                  "optin",
                  "newsletter",
                  "Yes, send me news and offers on WhatsApp. I can reply STOP at any time.",
                  true,
                ),
              ],
            },
          ],
        },
      };
    case "blank":
      return {
        category: "OTHER",
        optInField: null,
        form: {
          screens: [{ id: "QUESTION", title: "Question", button: "Send", fields: [field("text", "answer", "Answer")] }],
        },
      };
  }
}

/** A starter's Flow JSON. */
export function starterJson(id: FormStarterId): FlowJson;
export function starterJson(id: FlowStarterId): FlowJson | ReturnType<typeof bookingFlowJson>;
export function starterJson(id: FlowStarterId) {
  const { form } = flowStarter(id);
  return form ? flowJsonOf(form) : bookingFlowJson();
}

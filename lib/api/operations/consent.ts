// Public API: consent. Record an opt-in or an opt-out for a contact, read a contact's consent with its
// history, and list the workspace's consent lists. The work is lib/consent/api.ts; every change goes through
// recordConsentEvent, the one writer of consent.
import { z } from "zod";
import { API_CONSENT_SOURCE_NAMES, CLOCK_SKEW_MS } from "@/lib/consent/api-sources";
import { idSchema } from "@/lib/ids";
import { defineOperation } from "../operation";

const contactParams = z.object({
  id: idSchema.meta({
    description: "The contact's id (PUT /contacts answers it).",
    example: "c3f1d2e4a5b6c7d8e9f0a1b2c",
  }),
});

const category = z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]);

export const recordConsentBody = z
  .strictObject({
    listId: idSchema.optional().meta({
      description:
        "The consent list (GET /consent-lists). Required for an opt-in. Omitted on an opt-out: the person leaves every marketing list, as when they reply STOP.",
      example: "cm3list0000000000000000000",
    }),
    action: z
      .enum(["opt_in", "opt_out"])
      .meta({ description: "Whether the person joined or left.", example: "opt_in" }),
    source: z.enum(API_CONSENT_SOURCE_NAMES).meta({
      description:
        "Where the person gave or withdrew consent: your web form or checkout (`web_form`), an SMS, a chat, a phone call, or on paper. The record also notes that it came through the API, with the key.",
      example: "web_form",
    }),
    proof: z.string().trim().max(2000, { message: "At most 2,000 characters." }).optional().meta({
      description:
        "What the person agreed to (the wording shown) or where the proof is kept (a URL). Required for an opt-in, at least 10 characters.",
      example: "Checkbox at checkout: “Send me order updates on WhatsApp” — https://shop.example/orders/10423",
    }),
    occurredAt: z.iso
      .datetime({ offset: true, message: "A date and time in ISO 8601, such as 2026-11-20T10:15:00Z." })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS, { message: "This time is in the future." })
      .optional()
      .meta({
        description:
          "When the person gave or withdrew consent (ISO 8601); now when omitted. Not in the future (5 minutes of clock drift are allowed). An event older than the list's current state is kept in the history but does not change the state.",
        example: "2026-11-20T10:15:00Z",
      }),
  })
  .superRefine((body, ctx) => {
    if (body.action !== "opt_in") return;
    if (!body.listId)
      ctx.addIssue({ code: "custom", path: ["listId"], message: "An opt-in needs the list the person joined." });
    if ((body.proof ?? "").length < 10) {
      ctx.addIssue({
        code: "custom",
        path: ["proof"],
        message:
          "An opt-in needs the wording the person agreed to, or where the proof is kept (at least 10 characters).",
      });
    }
  })
  .meta({ id: "ConsentChange" });

const consentStateSchema = z.object({
  listId: z.string().meta({ example: "cm3list0000000000000000000" }),
  list: z.string().meta({ example: "Order updates" }),
  category: category.meta({ description: "The purpose of the list's messages.", example: "UTILITY" }),
  optedIn: z.boolean().meta({ example: true }),
  changedAt: z
    .string()
    .meta({ description: "When this state began (ISO 8601, UTC).", example: "2026-11-20T10:15:00.000Z" }),
});

export const contactConsentSchema = z
  .object({
    contactId: z.string().meta({ example: "c3f1d2e4a5b6c7d8e9f0a1b2c" }),
    lists: z
      .array(consentStateSchema)
      .meta({ description: "The contact's current state on each list it has joined or left." }),
    history: z
      .array(
        z.object({
          id: z.string(),
          listId: z.string().nullable().meta({
            description: "Null: every marketing list (STOP, WhatsApp's own setting, an opt-out without a list).",
          }),
          list: z.string().nullable().meta({ example: "Order updates" }),
          action: z.enum(["opt_in", "opt_out"]),
          source: z.string().meta({
            description:
              "Where it came from: web_form, sms, chat, phone, paper, or Parley's own (keyword, whatsapp_setting, error_131050, import, admin).",
            example: "web_form",
          }),
          proof: z.string().nullable(),
          occurredAt: z.string().meta({ example: "2026-11-20T10:15:00.000Z" }),
          recordedAt: z.string().meta({ example: "2026-11-20T10:15:02.000Z" }),
        }),
      )
      .meta({ description: "The newest 50 consent events, newest first." }),
  })
  .meta({ id: "ContactConsent" });

export const recordConsentOp = defineOperation({
  id: "recordConsent",
  method: "POST",
  path: "/contacts/{id}/consent",
  scope: "consent:write",
  tag: "Consent",
  summary: "Record an opt-in or an opt-out",
  description:
    "Appends a consent event for the contact (find or create it by phone with PUT /contacts, which answers its id). " +
    "An opt-in is to one list and needs proof; a number erased at the person's request cannot be opted in again. " +
    "Answers the contact's consent afterwards.",
  params: contactParams,
  body: recordConsentBody,
  response: contactConsentSchema,
  status: 201,
});

export const getConsentOp = defineOperation({
  id: "getContactConsent",
  method: "GET",
  path: "/contacts/{id}/consent",
  scope: "contacts:read",
  tag: "Consent",
  summary: "Read a contact's consent and its history",
  params: contactParams,
  response: contactConsentSchema,
});

export const listConsentListsOp = defineOperation({
  id: "listConsentLists",
  method: "GET",
  path: "/consent-lists",
  scope: "contacts:read",
  tag: "Consent",
  summary: "List the workspace's consent lists",
  description:
    'Each list is a purpose people opt in to ("Order updates", "Promotions"); a template goes only to people opted in to a list of its category.',
  response: z.object({
    data: z.array(
      z.object({
        id: z.string().meta({ example: "cm3list0000000000000000000" }),
        name: z.string().meta({ example: "Order updates" }),
        description: z.string().nullable(),
        category: category.meta({ example: "UTILITY" }),
        createdAt: z.string().meta({ example: "2026-11-01T09:00:00.000Z" }),
      }),
    ),
  }),
});

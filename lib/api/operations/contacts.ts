// Public API: contacts. Upsert one or a batch by phone number or WhatsApp user id, read one with its consent, list a page at a
// time. The work is lib/contacts/api.ts; this module says what the calls take and answer.
import { z } from "zod";
import {
  ATTRIBUTE_KEY,
  MAX_ATTRIBUTE_TEXT,
  MAX_ATTRIBUTES_PER_CALL,
  MAX_NAME_LENGTH,
  MAX_PAGE,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  normaliseLocale,
  normaliseTimeZone,
} from "@/lib/contacts/fields";
import { idSchema } from "@/lib/ids";
import { BSUID_PATTERN } from "@/lib/contacts/identity";
import { defineOperation } from "../operation";

export const MAX_BATCH_CONTACTS = 1000;

const localeSchema = z
  .string()
  .max(20)
  .transform((value, ctx) => {
    const locale = normaliseLocale(value);
    if (locale) return locale;
    ctx.addIssue({ code: "custom", message: `${value} is not a language code such as en, es, pt_BR or pt-BR.` });
    return z.NEVER;
  })
  .meta({
    description:
      "The person's language: a language code with an optional region (`en`, `es`, `pt_BR` or `pt-BR`), stored in Meta's style (`pt_BR`). Templates are sent in this language when they have a version in it.",
    example: "es_ES",
  });

const timeZoneSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const zone = normaliseTimeZone(value);
    if (zone) return zone;
    ctx.addIssue({
      code: "custom",
      message: `${value} is not an IANA time zone such as Europe/Madrid or America/New_York.`,
    });
    return z.NEVER;
  })
  .meta({
    description: "The person's IANA time zone. Quiet hours and scheduled sends use it.",
    example: "Europe/Madrid",
  });

const tagsSchema = (description: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, { message: "A tag cannot be empty." })
        .max(MAX_TAG_LENGTH, { message: `A tag has at most ${MAX_TAG_LENGTH} characters.` }),
    )
    .max(MAX_TAGS, { message: `At most ${MAX_TAGS} tags.` })
    .meta({ description: `${description} Tags are kept lower-case.`, example: ["vip", "newsletter"] });

const attributeValueSchema = z.union([
  z.string().max(MAX_ATTRIBUTE_TEXT, { message: `An attribute's text has at most ${MAX_ATTRIBUTE_TEXT} characters.` }),
  z.number().refine(Number.isFinite, { message: "A number must be finite." }),
  z.boolean(),
  z.null(),
]);

const attributesSchema = z
  .record(z.string(), attributeValueSchema)
  .superRefine((value, ctx) => {
    const keys = Object.keys(value);
    if (keys.length > MAX_ATTRIBUTES_PER_CALL)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_ATTRIBUTES_PER_CALL} attributes per call.` });
    for (const key of keys) {
      if (!ATTRIBUTE_KEY.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "An attribute name is a letter, then letters, digits or _ (at most 40 characters).",
        });
      }
    }
  })
  .meta({
    description: `Custom attributes, merged into the contact's: each named attribute is set, and one set to null is removed; others are left alone. Values are text (at most ${MAX_ATTRIBUTE_TEXT} characters), numbers or booleans; a contact's attributes take at most 16 KB. Segments can filter on them.`,
    example: { tier: "gold", orders: 12, newsletter: true },
  });

export const contactInputSchema = z
  .strictObject({
    phone: z.string().min(1, { message: "Enter the phone number." }).max(40).optional().meta({
      description:
        "The phone number: international (E.164, `+34610000001`) or national, read with the workspace's default country. It is stored in E.164 and identifies the contact. Give it, `bsuid`, or both.",
      example: "+34610000001",
    }),
    bsuid: z
      .string()
      .regex(BSUID_PATTERN, { message: "A WhatsApp user id looks like US.13491208655302741918." })
      .optional()
      .meta({
        description:
          "WhatsApp's business-scoped user id, for a person who shows only a username. Without `phone` it identifies the contact; with one, it is added to a contact that has none (a BSUID another contact holds stays with it).",
        example: "ES.13491208655302741918",
      }),
    username: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .optional()
      .meta({ description: "The person's WhatsApp username (an @ before it is dropped).", example: "lucia" }),
    name: z
      .string()
      .trim()
      .min(1, { message: "A name cannot be empty: send null to clear it." })
      .max(MAX_NAME_LENGTH)
      .nullable()
      .optional()
      .meta({ description: "The person's name. Null clears it; omitted leaves it as it is.", example: "Lucía García" }),
    locale: localeSchema.nullable().optional(),
    timeZone: timeZoneSchema.nullable().optional(),
    attributes: attributesSchema.optional(),
    tags: tagsSchema(
      "Replaces every tag of the contact (send [] to remove them all). Omitted leaves them as they are.",
    ).optional(),
    addTags: tagsSchema("Tags added to those the contact has (applied after `tags`).").optional(),
    removeTags: tagsSchema("Tags taken away from the contact (applied last).").optional(),
  })
  .refine((c) => c.phone !== undefined || c.bsuid !== undefined, {
    path: ["phone"],
    message: "Give the contact's phone number or its WhatsApp user id (bsuid).",
  })
  .meta({
    id: "ContactInput",
    description:
      "A contact, identified by its phone number, or by its WhatsApp user id (`bsuid`) when it has none. Only the fields given change; a new contact gets those given.",
  });

const consentStateSchema = z
  .object({
    listId: z.string().meta({ description: "The consent list.", example: "cm3list0000000000000000000" }),
    list: z.string().meta({ description: "The list's name.", example: "Order updates" }),
    category: z
      .enum(["MARKETING", "UTILITY", "AUTHENTICATION"])
      .meta({ description: "The purpose of the messages the list is for.", example: "UTILITY" }),
    optedIn: z.boolean().meta({ description: "Whether the person is opted in to this list now.", example: true }),
    changedAt: z
      .string()
      .meta({ description: "When this state began (ISO 8601, UTC).", example: "2026-11-20T10:15:00.000Z" }),
  })
  .meta({ id: "ConsentState", description: "The contact's current consent on one list." });

export const contactSchema = z
  .object({
    id: z.string().meta({ example: "c3f1d2e4a5b6c7d8e9f0a1b2c" }),
    phone: z.string().nullable().meta({
      description: "E.164; null for a person who wrote with a WhatsApp username and has not shared a number.",
      example: "+34610000001",
    }),
    bsuid: z.string().nullable().meta({
      description: "WhatsApp's business-scoped user id for the person, learnt from their messages.",
      example: "ES.13491208655302741918",
    }),
    username: z.string().nullable().meta({ description: "The WhatsApp username the person chose.", example: "lucia" }),
    name: z.string().nullable().meta({ example: "Lucía García" }),
    locale: z.string().nullable().meta({ description: "Meta's style: `es`, `pt_BR`.", example: "es_ES" }),
    timeZone: z.string().nullable().meta({ example: "Europe/Madrid" }),
    attributes: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .meta({ example: { tier: "gold", orders: 12 } }),
    tags: z.array(z.string()).meta({ example: ["vip"] }),
    unreachable: z
      .boolean()
      .meta({ description: "WhatsApp said this number is not on WhatsApp (error 131026).", example: false }),
    consent: z
      .array(consentStateSchema)
      .meta({ description: "The contact's consent on each list it has joined or left." }),
    createdAt: z.string().meta({ example: "2026-11-20T10:15:00.000Z" }),
    updatedAt: z.string().meta({ example: "2026-11-21T08:00:00.000Z" }),
  })
  .meta({ id: "Contact" });

export const upsertContactOp = defineOperation({
  id: "upsertContact",
  method: "PUT",
  path: "/contacts",
  scope: "contacts:write",
  tag: "Contacts",
  summary: "Create or update a contact by phone number or WhatsApp user id",
  description:
    "Creates the contact when the number is new, or updates the one with that number. Only the fields given change. " +
    "A number that is not valid, or one erased at the person's request (Parley keeps it suppressed, as an import does), is refused with a field error on `phone`.",
  body: contactInputSchema,
  response: z.object({
    created: z.boolean().meta({ description: "True when the contact was new.", example: true }),
    contact: contactSchema,
  }),
});

type ItemErrors = { invalid: { field: string; message: string }[] };

/**
 * A batch item is parsed on its own: one that is not valid becomes its errors (`invalid`), and the rest are
 * saved. (zod's catch must return the schema's own type; the cast says what it really returns.)
 */
const batchItemSchema = contactInputSchema.catch(((ctx: z.core.$ZodCatchCtx): ItemErrors => ({
  // ctx.error holds the issues with their messages (ctx.issues are still raw at this point).
  invalid: ctx.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "item",
    message: issue.message,
  })),
})) as never) as unknown as z.ZodType<
  z.output<typeof contactInputSchema> | ItemErrors,
  z.input<typeof contactInputSchema>
>;

export const upsertContactsBatchOp = defineOperation({
  id: "upsertContactsBatch",
  method: "POST",
  path: "/contacts/batch",
  scope: "contacts:write",
  tag: "Contacts",
  summary: `Create or update up to ${MAX_BATCH_CONTACTS.toLocaleString("en")} contacts`,
  description:
    "Each item is created or updated as `PUT /contacts` would, in a few statements for the whole batch. Every item is answered on its own, by its index: " +
    "one that is invalid, suppressed or repeats an earlier item's number is refused with its errors, and the others are saved.",
  body: z.object({
    contacts: z
      .array(batchItemSchema)
      .min(1, { message: "Send at least one contact." })
      .max(MAX_BATCH_CONTACTS, { message: `At most ${MAX_BATCH_CONTACTS} contacts per call.` })
      .meta({ description: `1 to ${MAX_BATCH_CONTACTS} contacts.` }),
  }),
  response: z.object({
    created: z.number().int().meta({ description: "How many contacts were new.", example: 2 }),
    updated: z.number().int().meta({ description: "How many existed and were updated.", example: 1 }),
    failed: z.number().int().meta({ description: "How many items were refused.", example: 1 }),
    results: z
      .array(
        z.object({
          index: z.number().int().meta({ description: "The item's position in `contacts`, from 0.", example: 3 }),
          id: z
            .string()
            .optional()
            .meta({ description: "The contact, when saved.", example: "c3f1d2e4a5b6c7d8e9f0a1b2c" }),
          created: z.boolean().optional().meta({ description: "True when the contact was new.", example: false }),
          errors: z
            .array(
              z.object({
                field: z.string().meta({ example: "timeZone" }),
                message: z.string().meta({
                  example: "Mars/Olympus is not an IANA time zone such as Europe/Madrid or America/New_York.",
                }),
              }),
            )
            .optional()
            .meta({ description: "Why the item was refused; nothing of it was saved." }),
        }),
      )
      .meta({ description: "One entry per item, in the order sent." }),
  }),
});

export const getContactOp = defineOperation({
  id: "getContact",
  method: "GET",
  path: "/contacts/{id}",
  scope: "contacts:read",
  tag: "Contacts",
  summary: "Read a contact, with its consent on each list",
  params: z.object({ id: idSchema.meta({ description: "The contact's id.", example: "c3f1d2e4a5b6c7d8e9f0a1b2c" }) }),
  response: contactSchema,
});

export const listContactsOp = defineOperation({
  id: "listContacts",
  method: "GET",
  path: "/contacts",
  scope: "contacts:read",
  tag: "Contacts",
  summary: "List contacts, a page at a time",
  description:
    "Contacts in a stable order. Pass `nextCursor` of one page as `cursor` to get the next; it is null on the last page. " +
    "Contacts created while you page may or may not appear; none appears twice.",
  query: z.object({
    cursor: z.string().max(200).optional().meta({
      description: "`nextCursor` of the previous page, as it was given.",
      example: "YzpjM2YxZDJlNGE1YjZjN2Q4ZTlmMGExYjJj",
    }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE, { message: `At most ${MAX_PAGE} per page.` })
      .default(50)
      .meta({ description: `Contacts per page, 1 to ${MAX_PAGE} (50 when omitted).`, example: 100 }),
    phone: z.string().max(40).optional().meta({
      description: "Only the contact with this number (international or national, as for upserts).",
      example: "+34610000001",
    }),
    bsuid: z.string().max(140).optional().meta({
      description: "Only the contact with this WhatsApp user id.",
      example: "ES.13491208655302741918",
    }),
    tag: z
      .string()
      .max(MAX_TAG_LENGTH)
      .optional()
      .meta({ description: "Only contacts with this tag.", example: "vip" }),
  }),
  response: z.object({
    data: z.array(contactSchema),
    nextCursor: z.string().nullable().meta({
      description: "Pass as `cursor` for the next page; null on the last page.",
      example: "YzpjM2YxZDJlNGE1YjZjN2Q4ZTlmMGExYjJj",
    }),
  }),
});

// The one consent rule (DESIGN.md, invariant 3). Every path that sends a template asks this module:
// campaign audience and claim, the inbox, the settings test send, and every future one (API, journeys).
//
//   A template of category C goes to a contact only with a current opt-in to a list whose purpose is C
//   and no later opt-out that covers C. A marketing opt-out (STOP or another keyword, an opt-out button,
//   WhatsApp's own `user_preferences` stop, error 131050, an admin) covers every marketing list.
//
// "Current" is ContactConsent.optedIn, which recordConsentEvent (and the import) keep equal to the rule
// over the whole consent log, whatever order events are recorded in (service.ts). So the rule reads one
// indexed row: it is cheap enough for a million-row audience and for every claim of the dispatcher.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { TemplateCategory } from "@/lib/db/generated/enums";
import { ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";

export type ConsentRefusal = "no_consent" | "opted_out";

/**
 * The sentence a campaign builder, pre-flight or the server shows when a list and a template do not match: a
 * message key (lib/i18n/message-key.ts), translated where it is shown, the purposes in the reader's words.
 */
export function purposeMismatch(
  templateCategory: TemplateCategory,
  listName: string,
  listCategory: TemplateCategory,
): string {
  return messageKey("campaigns.preflight.blocker.purposeMismatch", {
    list: listName,
    listPurpose: messageKey(`campaigns.purpose.${listCategory}`),
    templatePurpose: messageKey(`campaigns.purpose.${templateCategory}`),
  });
}

/**
 * SQL for a campaign (consent through its one list): join this to the contact `contact`, then read
 * CAMPAIGN_CONSENT_REFUSAL (NULL: allowed). A list of another purpose joins nothing: "no_consent". The server
 * refuses such a campaign with purposeMismatch() before that, so this is the last line, not the message.
 */
export function campaignConsentJoin(
  contact: Prisma.Sql,
  listId: string | Prisma.Sql,
  category: TemplateCategory | Prisma.Sql,
): Prisma.Sql {
  const cat = typeof category === "string" ? Prisma.sql`${category}::"TemplateCategory"` : category;
  return Prisma.sql`LEFT JOIN ("ContactConsent" consent_cc JOIN "ConsentList" consent_l ON consent_l.id = consent_cc."consentListId")
    ON consent_cc."contactId" = ${contact} AND consent_cc."consentListId" = ${listId} AND consent_l.category = ${cat}`;
}
export const CAMPAIGN_CONSENT_REFUSAL = Prisma.sql`(CASE WHEN consent_cc."optedIn" IS NULL THEN 'no_consent' WHEN NOT consent_cc."optedIn" THEN 'opted_out' END)`;

/** SQL: NULL when contact `contactId` may be sent a template of `category` through any list of that purpose, else the refusal. */
export function consentRefusalSql(contactId: Prisma.Sql, category: TemplateCategory | Prisma.Sql): Prisma.Sql {
  const cat = typeof category === "string" ? Prisma.sql`${category}::"TemplateCategory"` : category;
  return Prisma.sql`(
    SELECT CASE WHEN bool_or(x."optedIn") THEN NULL WHEN count(*) > 0 THEN 'opted_out' ELSE 'no_consent' END
    FROM "ContactConsent" x JOIN "ConsentList" l ON l.id = x."consentListId"
    WHERE x."contactId" = ${contactId} AND l.category = ${cat})`;
}

/** SQL: whether contact `contactId` is opted in to list `listId` now (a journey's consent branch). */
export function optedInToListSql(contactId: string, listId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ContactConsent" x
    WHERE x."contactId" = ${contactId} AND x."consentListId" = ${listId} AND x."optedIn")`;
}

/** The TypeScript check: the same rule, for one contact and any list of the category. Null: allowed. */
export async function consentRefusal(
  workspaceId: string,
  contactId: string,
  category: TemplateCategory,
): Promise<ConsentRefusal | null> {
  const rows = await db.$queryRaw<{ refusal: ConsentRefusal | null }[]>`
    SELECT ${consentRefusalSql(Prisma.sql`c.id`, category)} AS refusal
    FROM "Contact" c WHERE c.id = ${contactId} AND c."workspaceId" = ${workspaceId}`;
  return rows[0] ? rows[0].refusal : "no_consent";
}

/** Throws a ValidationError that says why, when the contact may not be sent a template of this category. */
export async function assertConsent(
  workspaceId: string,
  contactId: string | null,
  category: TemplateCategory,
  options: { who?: string; field?: string } = {},
): Promise<void> {
  const refusal = contactId ? await consentRefusal(workspaceId, contactId, category) : "no_consent";
  if (!refusal) return;
  const message = consentRefusalMessage(refusal, category, options.who);
  throw new ValidationError(message, options.field ? { [options.field]: [message] } : undefined);
}

/**
 * What a refusal means, in words a marketer or an API caller reads: a message key (lib/i18n/message-key.ts),
 * translated where it is shown (the public API answers in English). `who` may itself be a message key.
 */
export function consentRefusalMessage(
  refusal: ConsentRefusal,
  category: TemplateCategory,
  who = messageKey("errors.consent.thisPerson"),
): string {
  return messageKey(refusal === "opted_out" ? "errors.consent.optedOut" : "errors.consent.noConsent", {
    who,
    purpose: messageKey(`campaigns.purpose.${category}`),
  });
}

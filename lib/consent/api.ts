// Consent as the public API records and reads it. An opt-in or opt-out from the business's own systems is
// one more appended event, written by recordConsentEvent (the one writer of consent) and audited with the
// key that sent it. Its source is where the person gave or withdrew consent (the web form, a call...);
// the audit log says it came through the API. An erased (suppressed) number cannot be opted in again.
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { suppressedSince } from "@/lib/contacts/privacy";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { API_CONSENT_SOURCES, apiSourceName, type ApiConsentSource } from "./api-sources";
import { recordConsentEvent } from "./service";

export type ApiConsentInput = {
  /** Omitted for an opt-out: every marketing list (as STOP does). */
  listId?: string;
  action: "opt_in" | "opt_out";
  source: ApiConsentSource;
  proof?: string;
  occurredAt?: Date;
};

export const HISTORY_LIMIT = 50;

/** The contact's state on each list and its newest consent events (newest first). */
export async function contactConsent(workspaceId: string, contactId: string) {
  const contact = await db.contact.findFirst({
    where: { id: contactId, workspaceId },
    select: {
      id: true,
      consents: {
        orderBy: { consentListId: "asc" },
        select: { optedIn: true, changedAt: true, consentList: { select: { id: true, name: true, category: true } } },
      },
    },
  });
  if (!contact) throw new NotFoundError("contact");
  // The log has no relation to follow (schema.prisma): its lists are looked up alongside.
  const events = await db.consentEvent.findMany({
    where: { workspaceId, contactId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      consentListId: true,
      action: true,
      source: true,
      proof: true,
      occurredAt: true,
      recordedAt: true,
    },
  });
  const listIds = [...new Set(events.map((e) => e.consentListId).filter((id): id is string => id !== null))];
  const lists = new Map(
    (
      await db.consentList.findMany({ where: { workspaceId, id: { in: listIds } }, select: { id: true, name: true } })
    ).map((l) => [l.id, l.name]),
  );
  return {
    contactId: contact.id,
    lists: contact.consents.map((s) => ({
      listId: s.consentList.id,
      list: s.consentList.name,
      category: s.consentList.category,
      optedIn: s.optedIn,
      changedAt: s.changedAt.toISOString(),
    })),
    history: events.map((e) => ({
      id: e.id.toString(),
      listId: e.consentListId,
      list: e.consentListId ? (lists.get(e.consentListId) ?? null) : null,
      action: e.action === "OPT_IN" ? ("opt_in" as const) : ("opt_out" as const),
      source: apiSourceName(e.source),
      proof: e.proof,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.recordedAt.toISOString(),
    })),
  };
}

/**
 * Records one opt-in or opt-out for a contact of the workspace. An opt-in needs a list and proof, and is
 * refused for a number erased at the person's request. Answers the contact's consent afterwards.
 */
export async function recordApiConsent(
  workspaceId: string,
  caller: { keyId: string; prefix: string },
  contactId: string,
  input: ApiConsentInput,
) {
  const contact = await db.contact.findFirst({
    where: { id: contactId, workspaceId },
    select: { id: true, phone: true, bsuid: true },
  });
  if (!contact) throw new NotFoundError("contact");
  const optIn = input.action === "opt_in";
  if (optIn && !input.listId) {
    throw new ValidationError("An opt-in is to one list: give its listId.", {
      listId: ["An opt-in needs the list the person joined."],
    });
  }
  const list = input.listId
    ? await db.consentList.findFirst({ where: { id: input.listId, workspaceId }, select: { id: true, name: true } })
    : null;
  if (input.listId && !list) {
    const message = "No consent list with this id in your workspace (GET /consent-lists lists them).";
    throw new ValidationError(message, { listId: [message] });
  }
  await db.$transaction(async (tx) => {
    // Checked in the transaction that records it: an erasure committed before this one has left its suppression.
    const suppressed = optIn ? await suppressedSince(workspaceId, contact, tx) : null;
    if (suppressed) {
      const message = `This number was erased at the person's request on ${suppressed.toISOString().slice(0, 10)} and is suppressed: it cannot be opted in again.`;
      throw new ValidationError(message, { action: [message] });
    }
    await recordConsentEvent(
      {
        workspaceId,
        contactId: contact.id,
        consentListId: list?.id ?? null,
        action: optIn ? "OPT_IN" : "OPT_OUT",
        source: API_CONSENT_SOURCES[input.source],
        proof: input.proof || undefined,
        actorId: null,
        occurredAt: input.occurredAt,
      },
      tx,
    );
    await recordAudit(
      workspaceId,
      null,
      {
        action: optIn ? "consent.opted_in" : "consent.opted_out",
        targetType: "contact",
        targetId: contact.id,
        details: {
          list: list?.name ?? "All marketing lists",
          source: API_CONSENT_SOURCES[input.source],
          via: "api",
          apiKey: caller.prefix,
        },
      },
      tx,
    );
  });
  return contactConsent(workspaceId, contact.id);
}

/** The workspace's consent lists, for a caller to find the id to opt people in to. */
export async function apiConsentLists(workspaceId: string) {
  const lists = await db.consentList.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, description: true, category: true, createdAt: true },
  });
  return { data: lists.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })) };
}

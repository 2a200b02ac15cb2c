// Template reviews, template quality and category changes, WhatsApp's own marketing opt-out setting,
// and phone number updates. These can arrive late and out of order, so each is applied only if it is not
// older than the newest of its kind already applied (by the webhook's own time, `at`): an older event
// never undoes a newer one. Consent changes count once however often Meta delivers them.
import "server-only";
import { recordConsentEvent } from "@/lib/consent/service";
import { resolveContact } from "@/lib/identity/resolve";
import { firstTime } from "./once";
import type { Prisma } from "@/lib/db/client";
import type { TemplateCategory, TemplateStatus } from "@/lib/db/generated/enums";
import type { ParsedChange } from "@/lib/whatsapp/schemas";

const STATUS_FROM_EVENT: Record<string, TemplateStatus> = {
  APPROVED: "APPROVED",
  REJECTED: "REJECTED",
  PENDING: "PENDING",
  PAUSED: "PAUSED",
  DISABLED: "DISABLED",
  IN_APPEAL: "IN_APPEAL",
  PENDING_DELETION: "PENDING_DELETION",
  DELETED: "DELETED",
  ARCHIVED: "ARCHIVED",
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  REINSTATED: "APPROVED",
  UNARCHIVED: "APPROVED",
};

type Change<F extends ParsedChange["field"]> = Extract<ParsedChange, { field: F }>;

export async function applyTemplateStatus(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  change: Change<"message_template_status_update">,
  at: Date,
) {
  const v = change.value;
  const status = STATUS_FROM_EVENT[v.event];
  if (!status) return; // FLAGGED, LOCKED: informational, the status stays
  // Meta's code, then its own explanation if any ("INVALID_FORMAT: …"): lib/templates/rejection words it.
  const reason =
    status === "REJECTED"
      ? [v.reason, v.rejection_info?.reason].filter((r) => r && r !== "NONE").join(": ") || null
      : null;
  // Not older than the last status applied. (Not compared with Parley's own submission time: Meta's clock and
  // ours may differ by more than a quick review takes.)
  await tx.template.updateMany({
    where: {
      workspaceId,
      metaTemplateId: v.message_template_id,
      OR: [{ statusEventAt: null }, { statusEventAt: { lte: at } }],
    },
    data: { status, rejectionReason: reason, statusEventAt: at },
  });
}

export async function applyTemplateQuality(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  change: Change<"message_template_quality_update">,
  at: Date,
) {
  await tx.template.updateMany({
    where: {
      workspaceId,
      metaTemplateId: change.value.message_template_id,
      OR: [{ qualityEventAt: null }, { qualityEventAt: { lte: at } }],
    },
    data: { quality: change.value.new_quality_score, qualityEventAt: at },
  });
}

export async function applyTemplateCategory(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  change: Change<"template_category_update">,
  at: Date,
) {
  const isCategory = (value: string | undefined): value is TemplateCategory =>
    value === "MARKETING" || value === "UTILITY" || value === "AUTHENTICATION";
  const template = {
    workspaceId,
    metaTemplateId: change.value.message_template_id,
    OR: [{ categoryEventAt: null }, { categoryEventAt: { lte: at } }],
  };
  const { correct_category: correct, category_update_timestamp: when } = change.value;
  if (correct !== undefined) {
    // An impending change is a notice: its new_category is still the current one, and the change itself comes
    // later as a completed one. It is kept as a notice (pre-flight warns of it), never applied: applying it
    // would undo a completed change that overtook it, and a template already of that category needs none.
    const from = when === undefined ? null : new Date(Number(when) * 1000);
    if (!isCategory(correct) || (from && Number.isNaN(from.getTime()))) return;
    await tx.template.updateMany({
      where: { ...template, category: { not: correct } },
      data: { impendingCategory: correct, impendingCategoryAt: from },
    });
    return;
  }
  const category = change.value.new_category;
  if (!isCategory(category)) return;
  await tx.template.updateMany({
    where: template,
    data: { category, categoryEventAt: at, impendingCategory: null, impendingCategoryAt: null },
  });
}

/** WhatsApp's own "stop marketing messages" setting: a global opt-out (or its resume), kept even for unknown numbers. */
export async function applyUserPreferences(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  change: Change<"user_preferences">,
) {
  for (const pref of change.value.user_preferences) {
    if (pref.category !== "marketing_messages") continue;
    // The person by BSUID and/or phone (one of them may be missing since usernames, 2026).
    const entry = change.value.contacts?.find(
      (c) => (pref.wa_id && c.wa_id === pref.wa_id) || (pref.user_id && c.user_id === pref.user_id),
    );
    const waId = pref.wa_id ?? entry?.wa_id;
    const bsuid = pref.user_id ?? entry?.user_id;
    const who = waId ?? bsuid; // the phone first: the key redeliveries from before BSUIDs were recorded under
    if (!who) continue;
    // Once per (person, choice, time): a redelivered stop or resume is the same event.
    if (!(await firstTime(tx, workspaceId, `user_preferences:${who}:${pref.value}:${pref.timestamp.getTime()}`)))
      continue;
    const contact = await resolveContact(
      tx,
      workspaceId,
      { phone: waId ? `+${waId.replace(/^\+/, "")}` : null, bsuid },
      "webhook",
      pref.timestamp,
    );
    if (!contact) continue;
    await recordConsentEvent(
      {
        workspaceId,
        contactId: contact.id,
        consentListId: null,
        action: pref.value === "stop" ? "OPT_OUT" : "OPT_IN",
        source: "WHATSAPP_SETTING",
        proof: pref.detail ?? `WhatsApp marketing preference: ${pref.value}`,
        occurredAt: pref.timestamp,
      },
      tx,
    );
  }
}

export async function applyPhoneQuality(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  change: Change<"phone_number_quality_update">,
  at: Date,
) {
  const v = change.value;
  await tx.whatsAppAccount.updateMany({
    where: { workspaceId, OR: [{ qualityEventAt: null }, { qualityEventAt: { lte: at } }] },
    data: {
      qualityEventAt: at,
      ...(v.current_limit ? { messagingLimitTier: v.current_limit } : {}),
      ...(v.event === "THROUGHPUT_UPGRADE" ? { throughputPerSecond: 1000 } : {}),
    },
  });
}

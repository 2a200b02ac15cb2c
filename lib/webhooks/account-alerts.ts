// Account restrictions, violations, bans and disconnections (account_update webhooks) become alerts that an
// admin cannot miss: a banner across the dashboard until an admin acknowledges it (audited) or a newer event
// lifts it (a ban reinstated). Informational account updates (pricing tiers, partner installs...) are not alerts.
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { applyVolumeTier } from "@/lib/pricing/volume-tiers";
import type { ParsedChange } from "@/lib/whatsapp/schemas";
import { firstTime } from "./once";

type AccountUpdate = Extract<ParsedChange, { field: "account_update" }>["value"];

/** Meta's account_update events that stop or threaten sending (Meta's account_update webhook reference). */
const ALERT_EVENTS: Record<string, string> = {
  ACCOUNT_RESTRICTION: "WhatsApp restricted this account",
  ACCOUNT_VIOLATION: "WhatsApp found a policy violation on this account",
  DISABLED_UPDATE: "WhatsApp disabled (banned) this account",
  ACCOUNT_DELETED: "This WhatsApp Business Account was deleted",
  ACCOUNT_OFFBOARDED: "This WhatsApp Business Account was offboarded",
  PARTNER_REMOVED: "This WhatsApp Business Account was unshared from Parley's app",
  PARTNER_APP_UNINSTALLED: "The business removed Parley's app permissions",
};

const banState = (v: AccountUpdate) => v.ban_info?.waba_ban_state?.toUpperCase();

/** What an admin reads: the event in words, and Meta's details (restriction types, violation, ban date). */
function describeAlert(event: string, details: unknown): string {
  const v = (details ?? {}) as AccountUpdate;
  const parts = [ALERT_EVENTS[event] ?? event];
  if (event === "DISABLED_UPDATE" && banState(v) === "SCHEDULE_FOR_DISABLE")
    parts[0] = "WhatsApp scheduled this account to be disabled";
  if (v.violation_info?.violation_type) parts.push(`violation: ${v.violation_info.violation_type}`);
  for (const r of v.restriction_info ?? [])
    parts.push(`${r.restriction_type ?? "restriction"}${r.expiration ? ` until ${r.expiration}` : ""}`);
  if (v.ban_info?.waba_ban_date) parts.push(`since ${v.ban_info.waba_ban_date}`);
  return parts.join("; ");
}

/** Stores an account_update as an alert (once per event), in webhook time order with the others. */
export async function applyAccountUpdate(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  wabaId: string,
  value: AccountUpdate,
  at: Date,
) {
  const event = value.event.toUpperCase();
  // Not an alert: Meta's volume tier for a market and category, which prices the month's next messages.
  if (event === "VOLUME_BASED_PRICING_TIER_UPDATE")
    return applyVolumeTier(tx, workspaceId, wabaId, value.volume_tier_info, at);
  const reinstated = event === "DISABLED_UPDATE" && banState(value) === "REINSTATE";
  if (!ALERT_EVENTS[event]) return;
  if (!(await firstTime(tx, workspaceId, `account_update:${wabaId}:${at.getTime()}:${JSON.stringify(value)}`))) return;
  if (reinstated) {
    // Lifts the bans it is newer than; kept (resolved) so that a late, older ban arrives already lifted.
    await tx.accountAlert.updateMany({
      where: { workspaceId, event: "DISABLED_UPDATE", resolvedAt: null, occurredAt: { lte: at } },
      data: { resolvedAt: at },
    });
    await tx.accountAlert.create({
      data: { workspaceId, event, details: value as Prisma.InputJsonValue, occurredAt: at, resolvedAt: at },
    });
    return;
  }
  const liftedLater =
    event === "DISABLED_UPDATE" &&
    (
      await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM "AccountAlert" WHERE "workspaceId" = ${workspaceId} AND event = 'DISABLED_UPDATE'
        AND upper(details->'ban_info'->>'waba_ban_state') = 'REINSTATE' AND "occurredAt" >= ${at} LIMIT 1`
    ).length > 0;
  const alert = await tx.accountAlert.create({
    data: {
      workspaceId,
      event,
      details: value as Prisma.InputJsonValue,
      occurredAt: at,
      resolvedAt: liftedLater ? at : null,
    },
    select: { id: true },
  });
  await recordAudit(
    workspaceId,
    null,
    {
      action: "whatsapp.account_alert",
      targetType: "AccountAlert",
      targetId: alert.id,
      details: { event, summary: describeAlert(event, value) },
    },
    tx,
  );
}

/** The alerts every admin sees across the dashboard: not acknowledged, not lifted, newest first. */
export async function openAccountAlerts(workspaceId: string) {
  const rows = await db.accountAlert.findMany({
    where: { workspaceId, acknowledgedAt: null, resolvedAt: null },
    orderBy: { occurredAt: "desc" },
    take: 5,
    select: { id: true, event: true, details: true, occurredAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    occurredAt: r.occurredAt,
    summary: describeAlert(r.event, r.details),
  }));
}

/** An admin has read the alert: it leaves the banner, and the audit log says who and when. */
export async function acknowledgeAccountAlert(workspaceId: string, actorId: string, alertId: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.accountAlert.updateMany({
      where: { id: alertId, workspaceId, acknowledgedAt: null },
      data: { acknowledgedAt: new Date(), acknowledgedById: actorId },
    });
    if (count === 0) {
      const exists = await tx.accountAlert.count({ where: { id: alertId, workspaceId } });
      if (!exists) throw new NotFoundError("alert");
      return; // already acknowledged
    }
    const alert = await tx.accountAlert.findUniqueOrThrow({
      where: { id: alertId },
      select: { event: true, details: true },
    });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "whatsapp.account_alert_acknowledged",
        targetType: "AccountAlert",
        targetId: alertId,
        details: { event: alert.event, summary: describeAlert(alert.event, alert.details) },
      },
      tx,
    );
  });
}

// One sender number's dispatch: claim a batch of due messages, send each through the WhatsApp client at
// the number's pace with Parley's message id in biz_opaque_callback_data, act on Meta's answer, record
// the batch. A worker holds a number at a time (lib/dispatch/dispatcher.ts), so its pace is the number's.
import { linkToken } from "@/lib/analytics/links";
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { headerMediaKind, MissingValueError, renderTemplateMessage, routeLanguage, type TemplateVersion } from "@/lib/campaigns/render";
import { loadPlan, sendRateOf } from "@/lib/campaigns/plan";
import { quietDelayMs } from "@/lib/campaigns/quiet-hours";
import type { Mapping, QuietHours } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { readMedia } from "@/lib/media/service";
import { applyErrorEffect, CALLBACK_PREFIX } from "@/lib/webhooks/apply-statuses";
import { clientFor } from "@/lib/whatsapp/accounts";
import { WhatsAppApiError, type WhatsAppClient } from "@/lib/whatsapp/client";
import { Pacer } from "./pacer";
import { claimMessages, completeFinished, recordOutcomes, type ClaimedMessage, type Outcome } from "./store";

/** How much sending one batch holds: half a second at the number's rate (pause takes effect within it). */
const BATCH_SECONDS = 0.5;
const MAX_BATCH = 500;
const CONCURRENCY = 64;
const STATUS_CHECK_MS = 200;
const MAX_RETRIES = 8;

type CampaignContext = {
  id: string;
  mapping: Mapping;
  versions: Map<string, TemplateVersion>;
  languages: string[];
  quietHours: QuietHours | null;
  timeZone: string;
  headerMediaId: string | null;
  rate: number;
};

const backoffMs = (attempts: number, base: number) => Math.min(base ** attempts * 1000, 3_600_000) * (0.8 + Math.random() * 0.4);

export class NumberSender {
  private pacer = new Pacer(1);
  private contexts = new Map<string, CampaignContext>();
  private client: WhatsAppClient | null = null;
  private clientAt = 0;
  private throttled = false;

  constructor(readonly workspaceId: string) {}

  private async getClient() {
    if (!this.client || Date.now() - this.clientAt > 60_000) {
      this.client = await clientFor(this.workspaceId);
      this.clientAt = Date.now();
    }
    return this.client;
  }

  private async context(campaignId: string, client: WhatsAppClient): Promise<CampaignContext> {
    const known = this.contexts.get(campaignId);
    if (known) return known;
    const plan = await loadPlan(this.workspaceId, campaignId);
    let headerMediaId: string | null = null;
    if (plan.fallback && headerMediaKind(plan.fallback.components) && plan.mapping.headerMediaId) {
      // Uploaded to Meta once per campaign and worker (a media id lasts 30 days).
      const media = await readMedia(this.workspaceId, plan.mapping.headerMediaId);
      headerMediaId = (await client.uploadMedia({ fileName: media.fileName, mimeType: media.mimeType, bytes: Buffer.from(media.bytes) })).id;
    }
    const context: CampaignContext = {
      id: campaignId,
      mapping: plan.mapping,
      versions: new Map(plan.approved.map((v) => [v.language, v])),
      languages: plan.approved.map((v) => v.language),
      quietHours: plan.quietHours,
      timeZone: plan.workspace.timeZone,
      headerMediaId,
      rate: sendRateOf(plan.campaign.sendRatePerSec, plan.account?.throughputPerSecond ?? null) ?? 80,
    };
    this.contexts.set(campaignId, context);
    return context;
  }

  /** Sends one batch of the given sending campaigns; returns how many messages it claimed. */
  async step(campaignIds: string[]): Promise<number> {
    const client = await this.getClient();
    if (!client) return 0;
    const contexts: CampaignContext[] = [];
    for (const id of campaignIds) {
      try {
        contexts.push(await this.context(id, client));
      } catch (error) {
        await this.pause(id, error instanceof WhatsAppApiError ? `Header media could not be uploaded to WhatsApp: ${error.message}` : "The campaign could not be prepared for sending.", null);
        logger.error("campaign could not be prepared", { campaignId: id, error });
      }
    }
    if (contexts.length === 0) return 0;
    const rate = Math.min(...contexts.map((c) => c.rate));
    this.pacer.setTarget(rate);
    const claimed = await claimMessages(
      contexts.map((c) => c.id),
      Math.max(1, Math.min(MAX_BATCH, Math.ceil(this.pacer.rate * BATCH_SECONDS))),
    );
    if (claimed.length === 0) {
      await this.finish(contexts.map((c) => c.id));
      return 0;
    }

    // Pause and cancel take effect within STATUS_CHECK_MS: unsent messages of a stopped campaign go back.
    const live = new Map(contexts.map((c) => [c.id, "SENDING"]));
    const refresh = setInterval(() => {
      db.campaign
        .findMany({ where: { id: { in: [...live.keys()] } }, select: { id: true, status: true } })
        .then((rows) => rows.forEach((r) => live.set(r.id, r.status)))
        .catch(() => {});
    }, STATUS_CHECK_MS);
    const outcomes: Outcome[] = [];
    this.throttled = false;
    const contextOf = new Map(contexts.map((c) => [c.id, c])); // this batch's, even if a pause drops one from the cache
    try {
      const queue = [...claimed];
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
          for (let message = queue.shift(); message; message = queue.shift()) {
            const outcome = await this.sendOne(client, message, contextOf.get(message.campaignId)!, live);
            if (outcome) outcomes.push(outcome);
          }
        }),
      );
    } finally {
      clearInterval(refresh);
      await recordOutcomes(outcomes);
    }
    if (!this.throttled) this.pacer.recover();
    for (const [id, status] of live) if (status !== "SENDING") this.contexts.delete(id);
    await this.finish(contexts.map((c) => c.id));
    return claimed.length;
  }

  private async sendOne(client: WhatsAppClient, message: ClaimedMessage, context: CampaignContext, live: Map<string, string>): Promise<Outcome | null> {
    const release = (at = new Date(), refund = true): Outcome => ({ id: message.id, kind: "release", at, refund });
    if (live.get(context.id) !== "SENDING") return release();
    const quiet = quietDelayMs(new Date(), message.timeZone ?? context.timeZone, context.quietHours);
    if (quiet > 0) return release(new Date(Date.now() + quiet));
    let request;
    try {
      const language = routeLanguage(message.locale, context.languages, context.mapping.fallbackLanguage);
      request = renderTemplateMessage({
        version: context.versions.get(language) ?? context.versions.get(context.mapping.fallbackLanguage)!,
        mapping: context.mapping,
        contact: message,
        headerMediaId: context.headerMediaId,
        callbackData: `${CALLBACK_PREFIX}${message.id}`,
        trackLink: (button) => linkToken(message.id, button),
      });
    } catch (error) {
      if (error instanceof MissingValueError) return { id: message.id, kind: "skipped", reason: "missing_variable" };
      throw error;
    }
    const wait = this.pacer.reserve(Date.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (live.get(context.id) !== "SENDING") return release();
    try {
      const response = await client.sendMessage(request);
      return { id: message.id, kind: "sent", wamid: response.messages[0]!.id, at: new Date() };
    } catch (error) {
      if (!(error instanceof WhatsAppApiError)) throw error;
      return this.onError(error, message, context, live);
    }
  }

  private async onError(error: WhatsAppApiError, message: ClaimedMessage, context: CampaignContext, live: Map<string, string>): Promise<Outcome | null> {
    const { action, explanation, code } = error.classification;
    const now = new Date();
    const failed = (reason = explanation): Outcome => ({ id: message.id, kind: "failed", code, reason, at: now });
    if (error.status === 0) {
      // No answer: Meta may have accepted it. It stays claimed; the webhook (or, without one, the
      // recovery of abandoned claims) settles it. Nothing goes for a few seconds.
      this.pacer.hold(Date.now(), 5_000);
      return null;
    }
    switch (action) {
      case "back_off":
        this.throttled = true;
        this.pacer.backOff(Date.now());
        return { id: message.id, kind: "release", at: now, refund: true };
      case "retry_recipient_later":
        if (message.attempts >= MAX_RETRIES) return failed(`${explanation} Gave up after ${message.attempts} attempts.`);
        return { id: message.id, kind: "release", at: new Date(Date.now() + backoffMs(message.attempts, 4)) };
      case "retry":
        if (message.attempts >= MAX_RETRIES) return failed(`${explanation} Gave up after ${message.attempts} attempts.`);
        return { id: message.id, kind: "release", at: new Date(Date.now() + backoffMs(message.attempts, 2)) };
      case "pause_campaign":
        live.set(context.id, "PAUSED");
        await this.pause(context.id, `Paused by Meta's error ${code}: ${explanation}`, code);
        return { id: message.id, kind: "release", at: now, refund: true };
      case "suppress_contact":
        await applyErrorEffect(db, { workspaceId: this.workspaceId, contactId: message.contactId, code, proof: `Meta answered error ${code} to campaign message ${message.id}` });
        return failed();
      default:
        return failed();
    }
  }

  private async pause(campaignId: string, reason: string, code: number | null) {
    const { count } = await db.campaign.updateMany({ where: { id: campaignId, status: "SENDING" }, data: { status: "PAUSED", statusReason: reason } });
    this.contexts.delete(campaignId);
    if (count) {
      logger.warn("campaign paused by the dispatcher", { campaignId, code });
      await recordAudit(this.workspaceId, null, { action: "campaign.paused_by_meta", targetType: "campaign", targetId: campaignId, details: { code, reason } });
    }
  }

  private async finish(campaignIds: string[]) {
    for (const id of await completeFinished(campaignIds)) this.contexts.delete(id);
  }
}

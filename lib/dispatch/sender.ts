// One sender number's dispatch: claim a batch of due messages (transactional ones first, then campaigns'), send each through the WhatsApp client at
// the number's pace with Parley's message id in biz_opaque_callback_data, act on Meta's answer, record
// what happened. A worker holds a number at a time (lib/dispatch/dispatcher.ts), so its pace is the number's.
// Each request is on its own: its moment of leaving is marked just before it goes (so a dead worker's rows
// are known to be unsent or in doubt), it has its own timeout, and a slow one never holds the batch: the
// next batch starts on time and the straggler's outcome is recorded when it comes.
import { linkToken } from "@/lib/campaigns/links";
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import {
  carouselCards,
  headerMediaKind,
  MissingValueError,
  renderTemplateMessage,
  routeLanguage,
  type TemplateVersion,
} from "@/lib/campaigns/render";
import { loadPlan, sendRateOf } from "@/lib/campaigns/plan";
import { quietDelayMs } from "@/lib/campaigns/quiet-hours";
import type { Mapping, QuietHours } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db/client";
import { messageKey } from "@/lib/i18n/message-key";
import { createFlowToken } from "@/lib/flows/flow-token";
import { messageRef, withFlowToken } from "@/lib/flows/send";
import { logger } from "@/lib/logger";
import { readMedia } from "@/lib/media/service";
import { applyErrorEffect, CALLBACK_PREFIX } from "@/lib/webhooks/apply-statuses";
import { clientFor } from "@/lib/whatsapp/accounts";
import { WhatsAppApiError, type WhatsAppClient } from "@/lib/whatsapp/client";
import { sendRouted } from "@/lib/whatsapp/marketing";
import type { SendMessageRequest } from "@/lib/whatsapp/schemas";
import { Pacer } from "./pacer";
import {
  claimMessages,
  completeFinished,
  markLeaving,
  recordOutcomes,
  type ClaimedMessage,
  type Outcome,
} from "./store";

/** How much sending one batch holds: half a second at the number's rate (pause takes effect within it). */
const BATCH_SECONDS = 0.5;
const MAX_BATCH = 500;
/** Requests that may be on their way at once (stragglers included); a full sender waits for one to end. */
const MAX_IN_FLIGHT = 512;
/** How long a sender with nothing to claim waits for requests still on their way, to record their outcomes. */
const STRAGGLER_MS = 250;
/** A number whose next free slot is further away than this is held back (see step). */
const HELD_MS = 2_000;
/** Marks of requests about to leave are written together, at most this long after the first. */
const MARK_EVERY_MS = 5;
/**
 * This many requests unanswered with no answer to any request that left after them: Meta is out of reach,
 * nothing goes for a few seconds. (A slow request among answered ones is one request's problem, not Meta's.)
 */
const NO_ANSWER_STREAK = 3;
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
  cardMedia: { id: string }[];
  rate: number;
};

const backoffMs = (attempts: number, base: number) =>
  Math.min(base ** attempts * 1000, 3_600_000) * (0.8 + Math.random() * 0.4);

export class NumberSender {
  private pacer = new Pacer(1);
  private contexts = new Map<string, CampaignContext>();
  private client: WhatsAppClient | null = null;
  private clientAt = 0;
  /** The number's own limit (messages a second): the pace of transactional messages. */
  private numberRate = 80;
  private throttled = false;
  private noAnswer = 0;
  /** When the newest request that got any answer (accepted or refused) had left. */
  private answeredLeftAt = 0;
  /** Requests started and not yet answered, stragglers of earlier batches included. */
  private inFlight = new Set<Promise<void>>();
  /** Outcomes waiting to be recorded (or whose recording failed: the database was away). */
  private outcomes: Outcome[] = [];
  private marks: { ids: string[]; done: Promise<Set<string>> } | null = null;

  constructor(
    readonly workspaceId: string,
    readonly workerId: string,
  ) {}

  private async getClient() {
    if (!this.client || Date.now() - this.clientAt > 60_000) {
      this.client = await clientFor(this.workspaceId);
      const account = await db.whatsAppAccount.findUnique({
        where: { workspaceId: this.workspaceId },
        select: { throughputPerSecond: true },
      });
      this.numberRate = account?.throughputPerSecond ?? 80;
      this.clientAt = Date.now();
    }
    return this.client;
  }

  private async context(campaignId: string, client: WhatsAppClient): Promise<CampaignContext> {
    const known = this.contexts.get(campaignId);
    if (known) return known;
    const plan = await loadPlan(this.workspaceId, campaignId);
    // Files are uploaded to Meta once per campaign and worker (a media id lasts 30 days).
    const upload = async (mediaAssetId: string) => {
      const media = await readMedia(this.workspaceId, mediaAssetId);
      return (
        await client.uploadMedia({
          fileName: media.fileName,
          mimeType: media.mimeType,
          bytes: Buffer.from(media.bytes),
        })
      ).id;
    };
    const components = plan.fallback?.components;
    const headerMediaId =
      headerMediaKind(components) && plan.mapping.headerMediaId ? await upload(plan.mapping.headerMediaId) : null;
    const cardMedia = carouselCards(components).length
      ? await Promise.all(plan.mapping.cardMediaIds.map(async (id) => ({ id: await upload(id) })))
      : [];
    const context: CampaignContext = {
      id: campaignId,
      mapping: plan.mapping,
      versions: new Map(plan.approved.map((v) => [v.language, v])),
      languages: plan.approved.map((v) => v.language),
      quietHours: plan.quietHours,
      timeZone: plan.workspace.timeZone,
      headerMediaId,
      cardMedia,
      rate: sendRateOf(plan.campaign.sendRatePerSec, plan.account?.throughputPerSecond ?? null) ?? 80,
    };
    this.contexts.set(campaignId, context);
    return context;
  }

  /** Sends one batch of due transactional messages and the given sending campaigns'; returns how many it claimed. */
  async step(due: { transactional: boolean; campaignIds: string[] }): Promise<number> {
    await this.flush();
    const client = await this.getClient();
    if (!client) return 0;
    const contexts: CampaignContext[] = [];
    for (const id of due.campaignIds) {
      try {
        contexts.push(await this.context(id, client));
      } catch (error) {
        await this.pause(
          id,
          error instanceof WhatsAppApiError
            ? messageKey("campaigns.statusReason.mediaUpload", {
                reason: messageKey("cloudApi.metaErrorDetails", {
                  reason: error.classification.explanation,
                  code: error.code,
                  details: error.message,
                }),
              })
            : messageKey("campaigns.statusReason.notPrepared"),
          null,
        );
        logger.error("campaign could not be prepared", { campaignId: id, error });
      }
    }
    if (contexts.length === 0 && !due.transactional) return 0;
    const rate = Math.min(this.numberRate, ...contexts.map((c) => c.rate));
    this.pacer.setTarget(rate);
    // A number held back (its Cloud API stopped answering) claims nothing until it may send again: the
    // dispatcher's round waits for every number's step, so a batch waiting out the hold here would hold
    // every other workspace's sending with it.
    if (this.pacer.pending(Date.now()) > HELD_MS) return 0;
    if (this.inFlight.size >= MAX_IN_FLIGHT) {
      await this.waitForStragglers();
      return 1;
    }
    const claimed = await claimMessages(
      this.workerId,
      { workspaceId: this.workspaceId, transactional: due.transactional, campaignIds: contexts.map((c) => c.id) },
      Math.max(1, Math.min(MAX_BATCH, MAX_IN_FLIGHT - this.inFlight.size, Math.ceil(this.pacer.rate * BATCH_SECONDS))),
    );
    if (claimed.length === 0) {
      if (this.inFlight.size) await this.waitForStragglers();
      await this.finish(contexts.map((c) => c.id));
      return 0;
    }

    // Pause and cancel take effect within STATUS_CHECK_MS: unsent messages of a stopped campaign go back.
    const live = new Map(contexts.map((c) => [c.id, "SENDING"]));
    const refresh = setInterval(() => {
      if (live.size === 0) return;
      db.campaign
        .findMany({ where: { id: { in: [...live.keys()] } }, select: { id: true, status: true } })
        .then((rows) => rows.forEach((r) => live.set(r.id, r.status)))
        .catch(() => {});
    }, STATUS_CHECK_MS);
    this.throttled = false;
    const contextOf = new Map(contexts.map((c) => [c.id, c])); // this batch's, even if a pause drops one from the cache
    const batch = claimed.map((message) => {
      const context = message.campaignId ? contextOf.get(message.campaignId)! : null;
      const task: Promise<void> = this.sendOne(client, message, context, live)
        .catch((error: unknown): Outcome => {
          // A bug, not Meta's answer: the request may have left, so it is settled by evidence.
          logger.error("sending a message failed unexpectedly", { messageId: message.id, error });
          return { id: message.id, kind: "in_doubt" };
        })
        .then((outcome) => void this.outcomes.push(outcome))
        .finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
      return task;
    });
    try {
      // Wait until the batch's last request leaves, not for answers: a slow one is recorded when it comes, and
      // the next batch's slots follow this one's without a gap (each send reserved its slot synchronously
      // above, so the pacer knows when the last one leaves). Waiting for stragglers cost a fault-mode
      // campaign a quarter of its pace: most batches hold one.
      let timer: NodeJS.Timeout | undefined;
      const deadline = this.pacer.pending(Date.now());
      await Promise.race([Promise.all(batch), new Promise((resolve) => (timer = setTimeout(resolve, deadline)))]);
      clearTimeout(timer);
    } finally {
      clearInterval(refresh);
      await this.flush();
    }
    if (!this.throttled) this.pacer.recover();
    for (const [id, status] of live) if (status !== "SENDING") this.contexts.delete(id);
    await this.finish(contexts.map((c) => c.id));
    return claimed.length;
  }

  /** Gives stragglers a moment (never long: other numbers' rounds wait for this one) and records what came. */
  private async waitForStragglers() {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([...this.inFlight, new Promise((resolve) => (timer = setTimeout(resolve, STRAGGLER_MS)))]);
    clearTimeout(timer);
    await this.flush();
  }

  /** Records waiting outcomes; what could not be recorded waits for the next call. */
  async flush(): Promise<void> {
    const pending = this.outcomes.splice(0);
    const left = await recordOutcomes(this.workerId, pending).catch(() => pending);
    this.outcomes.unshift(...left);
  }

  /** Waits for every request on its way and records every outcome (when the worker stops). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await this.flush();
  }

  /** Marks the request about to leave, together with others due at the same moment; false: not ours to send. */
  private async markLeaving(id: string): Promise<boolean> {
    if (!this.marks) {
      const ids: string[] = [];
      const done = new Promise<Set<string>>((resolve) => setTimeout(resolve, MARK_EVERY_MS)).then(() => {
        this.marks = null;
        return markLeaving(this.workerId, ids);
      });
      this.marks = { ids, done };
    }
    this.marks.ids.push(id);
    return (await this.marks.done.catch(() => new Set<string>())).has(id);
  }

  /** The Cloud API request for a message: a transactional one's as accepted, a campaign's rendered for its contact. */
  private request(message: ClaimedMessage, context: CampaignContext | null): SendMessageRequest | "missing_variable" {
    const callbackData = `${CALLBACK_PREFIX}${message.id}`;
    // A WhatsApp Flow's answer names this message (and its person) by the token its button carries.
    const flowToken = () => createFlowToken(this.workspaceId, message.contactId, messageRef("message", message.id));
    if (!context) {
      // Meta takes biz_opaque_callback_data on templates only; a session message's webhooks match by wamid.
      const request = message.request as SendMessageRequest;
      return request.type === "template"
        ? withFlowToken({ ...request, biz_opaque_callback_data: callbackData }, flowToken())
        : request;
    }
    try {
      const language = routeLanguage(message.locale, context.languages, context.mapping.fallbackLanguage);
      return withFlowToken(
        renderTemplateMessage({
          version: context.versions.get(language) ?? context.versions.get(context.mapping.fallbackLanguage)!,
          mapping: context.mapping,
          contact: message,
          headerMediaId: context.headerMediaId,
          cardMedia: context.cardMedia,
          callbackData,
          trackLink: (button, card) => linkToken(message.id, button, card),
        }),
        flowToken(),
      );
    } catch (error) {
      if (error instanceof MissingValueError) return "missing_variable";
      throw error;
    }
  }

  private async sendOne(
    client: WhatsAppClient,
    message: ClaimedMessage,
    context: CampaignContext | null,
    live: Map<string, string>,
  ): Promise<Outcome> {
    const release = (at = new Date(), refund = true): Outcome => ({ id: message.id, kind: "release", at, refund });
    const stopped = () => context !== null && live.get(context.id) !== "SENDING";
    if (stopped()) return release();
    // A transactional message's quiet hours were applied when it was accepted (its nextAttemptAt).
    const quiet = context ? quietDelayMs(new Date(), message.timeZone ?? context.timeZone, context.quietHours) : 0;
    if (quiet > 0) return release(new Date(Date.now() + quiet));
    const request = this.request(message, context);
    if (request === "missing_variable") return { id: message.id, kind: "skipped", reason: "missing_variable" };
    const wait = this.pacer.reserve(Date.now());
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (stopped()) return release();
    // Not marked (the database is away, or the row went back to the queue): it does not leave.
    if (!(await this.markLeaving(message.id))) return release();
    const leftAt = performance.now();
    try {
      const response = await sendRouted(client, this.workspaceId, request);
      this.answered(leftAt);
      return { id: message.id, kind: "sent", wamid: response.messages[0]!.id, at: new Date() };
    } catch (error) {
      if (!(error instanceof WhatsAppApiError)) return { id: message.id, kind: "in_doubt" };
      return this.onError(error, message, context, live, leftAt);
    }
  }

  private answered(leftAt: number) {
    this.answeredLeftAt = Math.max(this.answeredLeftAt, leftAt);
    this.noAnswer = 0;
  }

  private async onError(
    error: WhatsAppApiError,
    message: ClaimedMessage,
    context: CampaignContext | null,
    live: Map<string, string>,
    leftAt: number,
  ): Promise<Outcome> {
    const { action, explanation, code } = error.classification;
    const now = new Date();
    const failed = (reason = explanation): Outcome => ({ id: message.id, kind: "failed", code, reason, at: now });
    if (error.status === 0) {
      // No answer: Meta may have accepted it, so it is settled by its webhooks, never sent again on a guess.
      // Meta is out of reach only if nothing that left after this request was answered either.
      if (this.answeredLeftAt < leftAt && ++this.noAnswer >= NO_ANSWER_STREAK) this.pacer.hold(Date.now(), 5_000);
      return { id: message.id, kind: "in_doubt" };
    }
    this.answered(leftAt);
    switch (action) {
      case "back_off":
        this.throttled = true;
        this.pacer.backOff(Date.now());
        return { id: message.id, kind: "release", at: now, refund: true };
      case "retry_recipient_later":
        if (message.attempts >= MAX_RETRIES)
          return failed(messageKey("cloudApi.gaveUp", { reason: explanation, attempts: message.attempts }));
        return { id: message.id, kind: "release", at: new Date(Date.now() + backoffMs(message.attempts, 4)) };
      case "retry":
        if (message.attempts >= MAX_RETRIES)
          return failed(messageKey("cloudApi.gaveUp", { reason: explanation, attempts: message.attempts }));
        return { id: message.id, kind: "release", at: new Date(Date.now() + backoffMs(message.attempts, 2)) };
      case "pause_campaign":
        // A transactional message has no campaign to pause: it fails with Meta's reason (the template was paused, say).
        if (!context) return failed();
        live.set(context.id, "PAUSED");
        await this.pause(
          context.id,
          messageKey("campaigns.statusReason.pausedByMeta", { code, reason: explanation }),
          code,
        );
        return { id: message.id, kind: "release", at: now, refund: true };
      case "suppress_contact":
        await applyErrorEffect(db, {
          workspaceId: this.workspaceId,
          contactId: message.contactId,
          code,
          proof: `Meta answered error ${code} to ${context ? "campaign" : "transactional"} message ${message.id}`,
        });
        return failed();
      default:
        return failed();
    }
  }

  private async pause(campaignId: string, reason: string, code: number | null) {
    const { count } = await db.campaign.updateMany({
      where: { id: campaignId, status: "SENDING" },
      data: { status: "PAUSED", statusReason: reason },
    });
    this.contexts.delete(campaignId);
    if (count) {
      logger.warn("campaign paused by the dispatcher", { campaignId, code });
      await recordAudit(this.workspaceId, null, {
        action: "campaign.paused_by_meta",
        targetType: "campaign",
        targetId: campaignId,
        details: { code, reason },
      });
    }
  }

  private async finish(campaignIds: string[]) {
    await this.flush();
    for (const id of await completeFinished(campaignIds)) this.contexts.delete(id);
  }
}

// The sandbox: a stand-in for the WhatsApp Cloud API on localhost. It serves the same endpoints, checks
// the same rules (auth, payload shape, throughput per number, pair rate, template status, the 24-hour
// window, opted-out and unreachable numbers) with Meta's error format, and posts signed webhooks back in
// Meta's shapes. It logs every request it receives, so tests can check what was really sent.
//
// Control endpoints (not Meta's): GET /_sandbox/health, GET /_sandbox/log?since=N&limit=N,
// GET /_sandbox/stats, POST /_sandbox/config (patch the scenario), POST /_sandbox/inbound (a customer
// writes in), POST /_sandbox/templates (load templates Meta already holds), POST /_sandbox/flows (load flows and
// the business's Flows public key Meta already holds), POST /_sandbox/windows (when people last wrote, which Meta
// remembers and a restarted sandbox does not), POST /_sandbox/pricing-tier (Meta announces a volume
// tier: account_update VOLUME_BASED_PRICING_TIER_UPDATE), POST /_sandbox/reset (the log).
// Fault mode (config `faults`): a seeded share of send calls answered 500 with a transient code, a share
// answered late (accepted at once, the answer held back), to test and measure how Parley rides them out.
import { createPublicKey, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isBsuid } from "@/lib/contacts/identity";
import {
  createFlowRequestSchema,
  createTemplateRequestSchema,
  markReadRequestSchema,
  sendMessageRequestSchema,
  type CreateTemplateRequest,
} from "@/lib/whatsapp/schemas";
import {
  accountUpdateChange,
  envelope,
  inboundChange,
  linkClickChange,
  statusChange,
  templateCategoryChange,
  templateStatusChange,
  userPreferenceChange,
  type NumberRef,
} from "@/lib/whatsapp/webhook-payloads";
import {
  contractError,
  mediaContractError,
  templateButtonsError,
  warmContract,
  type ContractError,
  type Operation,
} from "./contract";
import { graphVersion } from "@/lib/whatsapp/graph-versions";
import { flowButtons, templateButtons } from "@/lib/whatsapp/template-components";
import { sandboxConfigPatchSchema, sandboxConfigSchema, type SandboxConfig, type SandboxConfigInput } from "./config";
import { usesEndpoint } from "@/lib/flows/send";
import { faultOf, fateOf, TRANSIENT_SERVER_ERRORS, type Fate, type FlowOpening } from "./fate";
import { linkAddresses } from "./links";
import { endpointFlowAnswer } from "./flow-client";
import { answersFor, createFlowStore, type FlowError, type StoredFlow } from "./flows";
import { createLedger, pricingAnalyticsRange, pricingFor, type SandboxPricing } from "./pricing";
import { chance } from "./random";
import { TokenBucket } from "./rate-limit";
import { looksPromotional, REASON_EXPLANATIONS, reviewDecision, structuralProblems } from "./template-review";
import { WebhookSender } from "./webhook-sender";

const MAX_BODY_BYTES = 100 * 1024 * 1024;
const MAX_LOG = 1_000_000;
const WINDOW_MS = 24 * 60 * 60 * 1000;
/** Template ids are numbers as at Meta (kept below 2^53 so they survive JSON). */
const FIRST_TEMPLATE_ID = 9_100_000_000_000;

type StoredTemplate = CreateTemplateRequest & { id: string; status: string; rejectedReason?: string; quality: string };
export type LogEntry = {
  seq: number;
  at: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
  response: unknown;
};

class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly details?: string,
    readonly subcode?: number,
  ) {
    super(message);
  }
  toJSON() {
    return {
      error: {
        message: this.message,
        type: "OAuthException",
        code: this.code,
        ...(this.subcode ? { error_subcode: this.subcode } : {}),
        error_data: { messaging_product: "whatsapp", details: this.details ?? this.message },
        fbtrace_id: `sandbox-${randomBytes(6).toString("hex")}`,
      },
    };
  }
}

const invalid = (details: string) => new GraphError(400, 100, "(#100) Invalid parameter", details);
const refuse = (error: ContractError | null) => {
  if (error) throw new GraphError(error.status, error.code, error.message, error.details);
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new GraphError(413, 100, "Request entity too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createSandbox(input: SandboxConfigInput) {
  let config: SandboxConfig = sandboxConfigSchema.parse(input);
  const number: NumberRef = {
    wabaId: config.wabaId,
    phoneNumberId: config.phoneNumberId,
    displayPhoneNumber: config.displayPhoneNumber,
  };
  const sender = new WebhookSender(() => config);
  const log: LogEntry[] = [];
  let seq = 0;
  let wamidCounter = 0;
  const templates = new Map<string, StoredTemplate>(); // key: name|language
  const sentCount = new Map<string, number>(); // recipient → messages accepted so far
  const sendCalls = new Map<string, number>(); // recipient → send calls received so far (fault mode's key)
  const holds = new Set<() => void>(); // answers held back by fault mode, released at once on close
  const lastInbound = new Map<string, number>(); // recipient → time they last wrote
  const lastSent = new Map<string, string>(); // recipient → the wamid of the last message they were sent
  const optedOut = new Set<string>(); // recipients who sent STOP or used WhatsApp's setting
  const inboundWamids = new Set<string>();
  const pairBuckets = new Map<string, TokenBucket>();
  const uploads = new Map<string, number>();
  let businessPublicKey: string | null = null; // the Flows endpoint key (whatsapp_business_encryption)
  const flows = createFlowStore();
  const ledger = createLedger(); // what "Meta" billed: delivered messages (pricing_analytics)
  let throughput = new TokenBucket(config.throughputPerSecond, config.throughputPerSecond);
  const counters = {
    accepted: 0,
    rejected130429: 0,
    rejected131056: 0,
    rejectedOther: 0,
    faultFailed: 0,
    faultHeld: 0,
    /** Endpoint flows people completed through Parley's data-exchange endpoint, or abandoned. */
    endpointFlowsCompleted: 0,
    endpointFlowsAbandoned: 0,
  };

  // Unique across sandboxes too (Meta's are unique everywhere): several can share one database in tests.
  const instance = randomBytes(4).toString("hex");
  const nextWamid = () =>
    `wamid.SANDBOX${Buffer.from(`${config.seed}:${instance}:${++wamidCounter}:${Date.now()}`).toString("base64url")}`;
  // entry.time is when the event happens (as at Meta), which orders template and account events.
  const webhook = (changes: Parameters<typeof envelope>[1], afterMs: number) =>
    sender.schedule(envelope(number.wabaId, changes, new Date(Date.now() + afterMs)), afterMs);

  function auth(req: IncomingMessage) {
    if (req.headers.authorization !== `Bearer ${config.accessToken}`) {
      throw new GraphError(
        401,
        190,
        "Invalid OAuth access token - Cannot parse access token",
        "The access token is missing or wrong.",
      );
    }
  }

  function requireNumber(phoneId: string) {
    if (phoneId !== config.phoneNumberId) {
      throw new GraphError(
        400,
        100,
        `Unsupported post request. Object with ID '${phoneId}' does not exist`,
        undefined,
        33,
      );
    }
  }

  /** The request body, parsed and (for a Cloud API operation) held to Meta's OpenAPI contract: the one validation hook. */
  function parseJson(raw: Buffer, operation?: Operation): unknown {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      throw invalid("The request body is not valid JSON.");
    }
    refuse(operation ? contractError(operation, body) : null);
    return body;
  }

  // ---------------------------------------------------------------- messages

  /**
   * The person's browser opening a tapped link, with the click id Meta appends. Only Parley's own addresses (the
   * origin webhooks go to): the sandbox never calls the internet.
   */
  function openLink(url: string, clickId: string, afterMs: number) {
    let target: URL;
    try {
      target = new URL(url);
      if (!config.webhookUrl || target.origin !== new URL(config.webhookUrl).origin) return;
    } catch {
      return;
    }
    target.searchParams.set("click_id", clickId);
    setTimeout(() => {
      fetch(target, { redirect: "manual" }).catch(() => undefined);
    }, afterMs).unref();
  }

  /** What the Marketing Messages API refuses beyond its schema: a business not onboarded, a template not MARKETING. */
  function refuseMarketing(body: { template: { name: string; language: { code: string } } }) {
    if (config.marketingMessagesStatus !== "ONBOARDED")
      throw new GraphError(
        400,
        131055,
        "(#131055) Method not allowed",
        `The business has not accepted the Marketing Messages API terms (${config.marketingMessagesStatus}).`,
      );
    const template = templates.get(`${body.template.name}|${body.template.language.code}`);
    if (template && template.category.toUpperCase() !== "MARKETING")
      throw invalid(
        `Only MARKETING templates can be sent with the Marketing Messages API; ${template.name} is ${template.category}.`,
      );
  }

  function scheduleFate(
    wamid: string,
    to: string,
    callbackData: string | undefined,
    pricing: SandboxPricing,
    fates: Fate[],
  ) {
    const at = (afterMs: number) => new Date(Date.now() + afterMs);
    for (const fate of fates) {
      const base = { wamid, recipient: to, callbackData, pricing };
      switch (fate.kind) {
        case "status":
          // Meta bills a message when it is delivered.
          if (fate.status === "delivered") ledger.record(to, pricing, at(fate.afterMs));
          webhook([statusChange(number, [{ ...base, status: fate.status, at: at(fate.afterMs) }])], fate.afterMs);
          break;
        case "failed":
          webhook(
            [
              statusChange(number, [
                { ...base, status: "failed", at: at(fate.afterMs), error: { code: fate.code, title: fate.title } },
              ]),
            ],
            fate.afterMs,
          );
          break;
        case "reply":
          customerWrites({ from: to, text: fate.text, contextWamid: wamid }, fate.afterMs);
          break;
        case "button":
          customerWrites(
            { from: to, button: { payload: fate.payload, text: fate.text }, contextWamid: wamid },
            fate.afterMs,
          );
          break;
        case "interactive_reply":
          customerWrites(
            { from: to, buttonReply: { id: fate.id, title: fate.title }, contextWamid: wamid },
            fate.afterMs,
          );
          break;
        case "stop_keyword":
          customerWrites({ from: to, text: "STOP", contextWamid: wamid }, fate.afterMs);
          break;
        case "user_preferences_stop":
          setTimeout(() => optedOut.add(to), fate.afterMs);
          webhook([userPreferenceChange(number, to, "stop", at(fate.afterMs))], fate.afterMs);
          break;
        case "flow_reply": {
          const flow = flows.has(fate.flowId) ? flows.get(fate.flowId) : null;
          if (flow && usesEndpoint(flow.json)) {
            // The person works through the endpoint's screens as WhatsApp does, then sends the answer (or leaves).
            const play = () =>
              endpointFlowAnswer({
                flow,
                token: fate.token,
                opening: fate.opening,
                publicKey: businessPublicKey,
                appSecret: config.appSecret,
                webhookUrl: config.webhookUrl,
                roll: (name) => chance(config.seed, `${wamid}:${name}`),
              }).then((answers) => {
                if (!answers) return void counters.endpointFlowsAbandoned++;
                counters.endpointFlowsCompleted++;
                customerWrites({ from: to, flowReply: { flow_token: fate.token, ...answers }, contextWamid: wamid });
              });
            setTimeout(() => void play(), fate.afterMs).unref();
            break;
          }
          const json = flow?.json ?? null;
          const answers = answersFor(json, config.seed, `${wamid}`);
          customerWrites(
            { from: to, flowReply: { flow_token: fate.token, ...answers }, contextWamid: wamid },
            fate.afterMs,
          );
          break;
        }
        case "link_click": {
          const clickId = randomBytes(12).toString("base64url");
          webhook([linkClickChange(number, { clickId, component: "cta", at: at(fate.afterMs) })], fate.afterMs);
          openLink(fate.url, clickId, fate.afterMs);
          break;
        }
      }
    }
  }

  function customerWrites(
    message: { from: string; contextWamid?: string; name?: string; username?: string } & (
      | { text: string }
      | { button: { payload: string; text: string } }
      | { buttonReply: { id: string; title: string } }
      | { flowReply: Record<string, unknown> }
    ),
    afterMs = 0,
  ): string {
    const wamid = nextWamid();
    const when = Date.now() + afterMs;
    setTimeout(() => {
      lastInbound.set(message.from, when);
      inboundWamids.add(wamid);
      if ("text" in message && message.text.trim().toUpperCase() === "STOP") optedOut.add(message.from);
    }, afterMs);
    webhook([inboundChange(number, { ...message, wamid, at: new Date(when) })], afterMs);
    return wamid;
  }

  /** A flow can be sent only when it exists and is published (a draft, with mode "draft"). */
  function refuseFlow(id: string, draft: boolean) {
    if (!flows.has(id)) throw invalid(`Flow with specified ID ${id} does not exist`);
    const status = flows.get(id).status;
    if (status === "DEPRECATED")
      throw new GraphError(400, 132068, "(#132068) Flow is blocked", "The flow is deprecated.");
    if (status !== "PUBLISHED" && !(draft && status === "DRAFT"))
      throw invalid(`Flow ${id} is ${status}: only a published flow can be sent`);
  }

  /** The Flows API's answers; its refusals become Meta's error answers. */
  async function flowCall<T>(fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof Error) throw error;
      const e = error as FlowError;
      throw new GraphError(e.status, e.code, e.message, e.details, e.subcode);
    }
  }

  /** `viaMarketing`: it came to /marketing_messages, whose link taps Meta reports. */
  function sendMessage(body: unknown, viaMarketing = false) {
    if (body && typeof body === "object" && (body as { status?: unknown }).status === "read") {
      const read = markReadRequestSchema.safeParse(body);
      if (!read.success) throw invalid(read.error.issues[0]?.message ?? "Invalid mark-as-read request");
      if (!inboundWamids.has(read.data.message_id)) throw invalid(`Unknown message id ${read.data.message_id}`);
      return { success: true };
    }
    const parsed = sendMessageRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new GraphError(
        400,
        131008,
        "(#131008) Required parameter is missing or invalid",
        `${issue?.path.join(".") || "body"}: ${issue?.message}`,
      );
    }
    const message = parsed.data;
    // The person: a phone's digits, or a BSUID (`recipient`) for someone who shows only a username. With both,
    // Meta uses `to`.
    const to = message.to ? message.to.replace(/^\+/, "") : message.recipient!;

    let category: string | undefined;
    let quickReplies: { payload: string; text: string }[] = [];
    let urls: string[] = [];
    let flow: { id: string; token: string; opening: FlowOpening } | undefined;
    if (message.type === "interactive" && message.interactive.type === "flow") {
      const { flow_id, flow_token, mode, flow_action, flow_action_payload } = message.interactive.action.parameters;
      const opening: FlowOpening = { action: flow_action ?? "navigate", ...flow_action_payload };
      flow = { id: flow_id, token: flow_token, opening };
      refuseFlow(flow_id, mode === "draft");
    }
    if (message.type === "template") {
      const template = templates.get(`${message.template.name}|${message.template.language.code}`);
      if (!template)
        throw new GraphError(
          404,
          132001,
          "(#132001) Template name does not exist in the translation",
          `template name (${message.template.name}) does not exist in ${message.template.language.code}`,
        );
      if (template.status === "PAUSED")
        throw new GraphError(
          400,
          132015,
          "(#132015) Template is paused",
          "The template is paused because of low quality.",
        );
      if (template.status === "DISABLED")
        throw new GraphError(
          400,
          132016,
          "(#132016) Template is disabled",
          "The template was disabled because of low quality.",
        );
      if (template.status !== "APPROVED")
        throw new GraphError(
          400,
          132001,
          "(#132001) Template name does not exist in the translation",
          `template ${template.name} is ${template.status}, not APPROVED`,
        );
      const body = template.components.find((c) => c.type.toUpperCase() === "BODY") as { text?: string } | undefined;
      const expected = new Set([...(body?.text ?? "").matchAll(/\{\{\s*([a-z0-9_]+)\s*\}\}/g)].map((m) => m[1])).size;
      const given = message.template.components?.find((c) => c.type === "body")?.parameters.length ?? 0;
      if (expected !== given)
        throw new GraphError(
          400,
          132000,
          "(#132000) Number of parameters does not match the expected number of params",
          `body: expected ${expected} parameters, received ${given}`,
        );
      category = template.category;
      if (category.toUpperCase() === "AUTHENTICATION" && !message.to)
        throw new GraphError(
          400,
          100,
          "(#100) Invalid parameter",
          "Authentication templates can be sent to a phone number only, not to a business-scoped user id.",
        );
      const buttons = templateButtons(template.components);
      refuse(templateButtonsError(buttons, message.template.components));
      urls = linkAddresses(template.components, message.template.components);
      const flowButton = buttons.findIndex((b) => b.type.toUpperCase() === "FLOW");
      if (flowButton >= 0) {
        const button = buttons[flowButton]!;
        const id = String(button.flow_id ?? "");
        refuseFlow(id, false);
        const sent = message.template.components?.find(
          (c) => c.type === "button" && c.sub_type === "flow" && Number(c.index) === flowButton,
        );
        const action = sent?.type === "button" ? sent.parameters.find((p) => p.type === "action") : undefined;
        const token = action && "action" in action ? action.action.flow_token : undefined;
        const data = action && "action" in action ? action.action.flow_action_data : undefined;
        const opening: FlowOpening =
          button.flow_action === "data_exchange"
            ? { action: "data_exchange" }
            : { action: "navigate", screen: button.navigate_screen, data: data as Record<string, unknown> | undefined };
        flow = { id, token: typeof token === "string" ? token : "unused", opening };
      }
      quickReplies = buttons
        .map((b, index) => ({ b, index }))
        .filter(({ b }) => b.type.toUpperCase() === "QUICK_REPLY")
        .map(({ b, index }) => {
          const param = message.template.components?.find(
            (c) => c.type === "button" && c.sub_type === "quick_reply" && Number(c.index) === index,
          );
          const payload = param?.type === "button" ? param.parameters.find((p) => p.type === "payload") : undefined;
          const text = b.text ?? "";
          return { text, payload: payload && "payload" in payload ? payload.payload : text };
        });
    }

    if (!throughput.take()) {
      counters.rejected130429++;
      throw new GraphError(
        400,
        130429,
        "(#130429) Rate limit hit",
        "Cloud API message throughput has been reached.",
        2494055,
      );
    }
    let pair = pairBuckets.get(to);
    if (!pair) pairBuckets.set(to, (pair = new TokenBucket(config.pairBurst, 1 / config.pairRefillSeconds)));
    if (!pair.take()) {
      counters.rejected131056++;
      throw new GraphError(
        400,
        131056,
        "(#131056) (Business Account, Consumer Account) pair rate limit hit",
        "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
      );
    }

    const wamid = nextWamid();
    lastSent.set(to, wamid);
    const ordinal = sentCount.get(to) ?? 0;
    sentCount.set(to, ordinal + 1);
    counters.accepted++;
    const replyButtons =
      message.type === "interactive" && message.interactive.type === "button"
        ? message.interactive.action.buttons.map((b) => b.reply)
        : [];
    const windowOpen = Date.now() - (lastInbound.get(to) ?? 0) < WINDOW_MS;
    const fates = fateOf(config, {
      to,
      ordinal,
      type: message.type,
      category,
      quickReplies,
      replyButtons,
      trackedUrls: viaMarketing ? urls : [],
      windowOpen,
      optedOut: optedOut.has(to),
      flow,
    });
    scheduleFate(
      wamid,
      to,
      message.type === "template" ? message.biz_opaque_callback_data : undefined,
      pricingFor(category, windowOpen, config.billInWindow),
      fates,
    );
    return {
      messaging_product: "whatsapp",
      contacts: [message.to ? { input: message.to, wa_id: to } : { input: to, user_id: to }],
      messages: [{ id: wamid, message_status: "accepted" }],
    };
  }

  // ---------------------------------------------------------------- templates

  function createTemplate(body: unknown) {
    const parsed = createTemplateRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(`${issue?.path.join(".") || "body"}: ${issue?.message}`);
    }
    const request = parsed.data;
    const problems = structuralProblems(request);
    if (problems.length) throw new GraphError(400, 100, "(#100) Invalid parameter", problems.join("; "), 2388043);
    for (const button of flowButtons(request.components)) refuseFlow(String(button.flow_id), false);
    const key = `${request.name}|${request.language}`;
    if (templates.has(key)) {
      throw new GraphError(
        400,
        100,
        "(#100) Invalid parameter",
        `Content in this language already exists for ${request.name}`,
        2388024,
      );
    }
    const id = String(Math.max(FIRST_TEMPLATE_ID, ...[...templates.values()].map((t) => Number(t.id))) + 1);
    const template: StoredTemplate = { ...request, id, status: "PENDING", quality: "UNKNOWN" };
    templates.set(key, template);
    const decision = review(template, request);
    const afterMs = config.templateReviewMs;
    if (!decision && looksPromotional(request)) {
      // As Meta does: a notice of the change to come (when it takes effect), then the change itself.
      const ref = { id, name: request.name, language: request.language };
      const changeMs = afterMs + 1000;
      webhook(
        [
          templateCategoryChange({
            ...ref,
            next: "UTILITY",
            correctCategory: "MARKETING",
            effectiveAt: new Date(Date.now() + changeMs),
          }),
        ],
        afterMs + 500,
      );
      setTimeout(() => (template.category = "MARKETING"), changeMs);
      webhook([templateCategoryChange({ ...ref, previous: "UTILITY", next: "MARKETING" })], changeMs);
    }
    return { id, status: "PENDING", category: request.category };
  }

  /** Decides a template after the review delay and tells Parley by webhook, as Meta does. */
  function review(template: StoredTemplate, request: CreateTemplateRequest) {
    const decision = reviewDecision(request);
    const afterMs = config.templateReviewMs;
    setTimeout(() => {
      template.status = decision ? "REJECTED" : "APPROVED";
      template.rejectedReason = decision ?? undefined;
    }, afterMs);
    webhook(
      [
        templateStatusChange({
          id: template.id,
          name: request.name,
          language: request.language,
          category: request.category,
          event: decision ? "REJECTED" : "APPROVED",
          reason: decision ?? "NONE",
          explanation: decision ? REASON_EXPLANATIONS[decision] : undefined,
        }),
      ],
      afterMs,
    );
    return decision;
  }

  function editTemplate(id: string, body: unknown) {
    const template = [...templates.values()].find((t) => t.id === id)!;
    const edit = body as { components?: unknown; category?: string };
    const parsed = createTemplateRequestSchema.safeParse({
      ...template,
      ...edit,
      category: edit.category ?? template.category,
    });
    if (!parsed.success) throw invalid(`${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
    const problems = structuralProblems(parsed.data);
    if (problems.length) throw new GraphError(400, 100, "(#100) Invalid parameter", problems.join("; "), 2388043);
    Object.assign(template, {
      components: parsed.data.components,
      category: parsed.data.category,
      status: "PENDING",
      rejectedReason: undefined,
    });
    review(template, parsed.data);
    return { success: true };
  }

  function listTemplates(url: URL) {
    const all = [...templates.values()].filter((t) => t.status !== "DELETED");
    const after = Number(url.searchParams.get("after") ?? 0);
    const limit = Math.min(Number(url.searchParams.get("limit") ?? 100), 100);
    const page = all.slice(after, after + limit);
    return {
      data: page.map((t) => ({
        id: t.id,
        name: t.name,
        language: t.language,
        status: t.status,
        category: t.category,
        components: t.components,
        parameter_format: t.parameter_format ?? "POSITIONAL",
        quality_score: { score: t.quality },
        ...(t.rejectedReason ? { rejected_reason: t.rejectedReason } : {}),
      })),
      paging:
        after + limit < all.length ? { cursors: { after: String(after + limit) }, next: "more" } : { cursors: {} },
    };
  }

  function deleteTemplate(url: URL) {
    const name = url.searchParams.get("name");
    const hsmId = url.searchParams.get("hsm_id");
    const matches = [...templates.values()].filter((t) => t.name === name && (!hsmId || t.id === hsmId));
    if (!name || matches.length === 0) throw invalid(`Message template "${name ?? ""}" not found`);
    for (const t of matches) t.status = "DELETED";
    return { success: true };
  }

  // ---------------------------------------------------------------- routing

  /** Fault mode for a send call (read receipts aside): throws the transient error, or marks the answer to hold back. */
  function injectFault(body: unknown, held: { ms: number }) {
    const b = body as { to?: unknown; status?: unknown } | null;
    if (!b || typeof b !== "object" || typeof b.to !== "string" || b.status === "read") return;
    const to = b.to.replace(/^\+/, "");
    const call = sendCalls.get(to) ?? 0;
    sendCalls.set(to, call + 1);
    const fault = faultOf(config, to, call);
    if (fault?.kind === "fail") {
      counters.faultFailed++;
      throw new GraphError(
        500,
        fault.code,
        TRANSIENT_SERVER_ERRORS[fault.code],
        "Fault mode: a transient error before acceptance.",
      );
    }
    if (fault?.kind === "hang") {
      counters.faultHeld++;
      held.ms = fault.ms;
    }
  }

  async function route(
    req: IncomingMessage,
    url: URL,
    held: { ms: number },
  ): Promise<{ status: number; body: unknown; logged: unknown }> {
    const method = req.method ?? "GET";
    const parts = url.pathname.split("/").filter(Boolean);

    if (parts[0] === "_sandbox") {
      const raw = method === "POST" ? await readBody(req) : Buffer.alloc(0);
      const body = raw.length ? parseJson(raw) : {};
      switch (`${method} ${parts[1]}`) {
        case "GET health":
          return { status: 200, body: { ok: true }, logged: undefined };
        case "GET log": {
          const since = Number(url.searchParams.get("since") ?? 0);
          const limit = Math.min(Number(url.searchParams.get("limit") ?? 10_000), 100_000);
          const start = log.findIndex((e) => e.seq > since);
          return {
            status: 200,
            body: { entries: start < 0 ? [] : log.slice(start, start + limit), lastSeq: seq },
            logged: undefined,
          };
        }
        case "GET stats":
          return {
            status: 200,
            body: {
              ...counters,
              webhooks: sender.stats,
              pendingWebhooks: sender.pending,
              config: { ...config, accessToken: undefined, appSecret: undefined },
            },
            logged: undefined,
          };
        case "POST config": {
          // Only the fields given: the schema's defaults must not reset the others.
          const parsed = sandboxConfigPatchSchema.parse(body);
          const patch: Partial<SandboxConfig> = Object.fromEntries(
            Object.entries(parsed).filter(([key]) => key in (body as object)),
          );
          config = { ...config, ...patch };
          if (patch.throughputPerSecond)
            throughput = new TokenBucket(patch.throughputPerSecond, patch.throughputPerSecond);
          return { status: 200, body: { ok: true }, logged: undefined };
        }
        case "POST inbound": {
          // `from`: a phone's digits, or a BSUID for a person who shows only their `username`. `button`: a tap
          // on a template's quick reply instead of a text, on the message `contextWamid` (by default the last
          // one that person was sent, as a tap always answers a message).
          const b = body as {
            from?: string;
            text?: string;
            button?: { payload?: string; text?: string };
            name?: string;
            username?: string;
            contextWamid?: string;
          };
          const tap = b.button?.text ? { payload: b.button.payload ?? b.button.text, text: b.button.text } : null;
          if (!b.from || !(/^\d{7,15}$/.test(b.from) || isBsuid(b.from)) || (!b.text && !tap))
            throw invalid("from (digits, or a business-scoped user id) and a text or a button are required");
          const { from, text, name, username } = b;
          const contextWamid = b.contextWamid ?? (tap ? lastSent.get(from) : undefined);
          const said = tap ? { button: tap } : { text: text! };
          return {
            status: 200,
            body: { wamid: customerWrites({ from, ...said, name, username, contextWamid }) },
            logged: undefined,
          };
        }
        case "POST templates": {
          // Templates Meta already holds (the embedded mode loads the workspace's on every start).
          const list = (body as { templates?: unknown[] }).templates ?? [];
          for (const item of list) {
            const t = item as StoredTemplate;
            const request = createTemplateRequestSchema.parse(t);
            templates.set(`${request.name}|${request.language}`, {
              ...request,
              id: String(t.id),
              status: String(t.status),
              quality: t.quality ?? "GREEN",
            });
          }
          return { status: 200, body: { loaded: list.length }, logged: undefined };
        }
        case "POST windows": {
          // When people last wrote (the embedded mode loads them on every start), so a conversation that is open
          // in Parley is open here too: `from` is a phone's digits or a BSUID, `at` an ISO time.
          const list = (body as { windows?: unknown[] }).windows ?? [];
          let loaded = 0;
          for (const item of list) {
            const { from, at } = (item ?? {}) as { from?: unknown; at?: unknown };
            const when = typeof at === "string" ? Date.parse(at) : NaN;
            if (typeof from !== "string" || Number.isNaN(when)) continue;
            if (when > (lastInbound.get(from) ?? 0)) lastInbound.set(from, when);
            loaded++;
          }
          return { status: 200, body: { loaded }, logged: undefined };
        }
        case "POST flows": {
          // Flows Meta already holds (the embedded mode loads the workspace's on every start), and the business's
          // registered Flows public key, which Meta keeps too.
          const given = body as { flows?: StoredFlow[]; businessPublicKey?: string };
          const list = (given.flows ?? []).filter((f) => f && typeof f.id === "string");
          flows.load(list);
          if (typeof given.businessPublicKey === "string") businessPublicKey = given.businessPublicKey;
          return { status: 200, body: { loaded: list.length }, logged: undefined };
        }
        case "POST pricing-tier": {
          // Meta's volume tier announcement (account_update VOLUME_BASED_PRICING_TIER_UPDATE), signed as every
          // webhook: the business reached `tier` ("first:last" messages of the month) for a region and category.
          const b = body as {
            region?: unknown;
            category?: unknown;
            tier?: unknown;
            effectiveMonth?: unknown;
            at?: unknown;
          };
          if (typeof b.region !== "string" || typeof b.category !== "string" || typeof b.tier !== "string")
            throw invalid('region, category and tier ("first:last") are required');
          const at = typeof b.at === "string" && !Number.isNaN(Date.parse(b.at)) ? new Date(b.at) : new Date();
          const effectiveMonth = typeof b.effectiveMonth === "string" ? b.effectiveMonth : at.toISOString().slice(0, 7);
          const volumeTierInfo = {
            effective_month: effectiveMonth,
            pricing_category: b.category.toUpperCase(),
            region: b.region,
            tier: b.tier,
            tier_update_time: Math.floor(at.getTime() / 1000),
          };
          sender.schedule(
            envelope(
              number.wabaId,
              [accountUpdateChange({ event: "VOLUME_BASED_PRICING_TIER_UPDATE", volume_tier_info: volumeTierInfo })],
              at,
            ),
            0,
          );
          return { status: 200, body: { ok: true, volume_tier_info: volumeTierInfo }, logged: undefined };
        }
        case "POST reset":
          log.length = 0;
          return { status: 200, body: { ok: true }, logged: undefined };
        default:
          throw new GraphError(404, 100, `Unknown sandbox endpoint ${method} ${url.pathname}`);
      }
    }

    auth(req);
    // /v25.0/<object>[/<edge>]: any version Meta released (lib/whatsapp/graph-versions). Meta answers an ended
    // one as its oldest available version, so the sandbox serves those too; a version never released is refused.
    const [, object, edge] = parts;
    if (!graphVersion(parts[0]) || !object) throw new GraphError(400, 2500, "Unknown path components", url.pathname);

    if (object.startsWith("upload:") && method === "POST") {
      if (!uploads.has(object)) throw invalid(`Unknown upload session ${object}`);
      const raw = await readBody(req);
      if (raw.length !== uploads.get(object))
        throw invalid(`file_length was ${uploads.get(object)}, received ${raw.length} bytes`);
      return {
        status: 200,
        body: { h: `4::${Buffer.from(`${object}:${raw.length}`).toString("base64url")}` },
        logged: { bytes: raw.length },
      };
    }
    if (edge === "uploads" && method === "POST") {
      if (object !== config.appId) throw invalid(`Unknown app id ${object}`);
      const length = Number(url.searchParams.get("file_length"));
      const type = url.searchParams.get("file_type") ?? "";
      if (!Number.isInteger(length) || length <= 0) throw invalid("file_length must be a positive integer");
      if (!/^(image\/(jpeg|png)|video\/(mp4|3gpp)|application\/pdf)$/.test(type))
        throw invalid(`file_type ${type} is not supported`);
      const id = `upload:${randomBytes(8).toString("hex")}`;
      uploads.set(id, length);
      return { status: 200, body: { id }, logged: { file_length: length, file_type: type } };
    }
    if (edge === "messages" && method === "POST") {
      requireNumber(object);
      const body = parseJson(await readBody(req), "messages");
      injectFault(body, held);
      return { status: 200, body: sendMessage(body), logged: body };
    }
    if (edge === "marketing_messages" && method === "POST") {
      requireNumber(object);
      const body = parseJson(await readBody(req), "sendMarketingMessage");
      refuseMarketing(body as { template: { name: string; language: { code: string } } });
      injectFault(body, held);
      return { status: 200, body: sendMessage(body, true), logged: body };
    }
    if (edge === "media" && method === "POST") {
      requireNumber(object);
      const raw = await readBody(req);
      if (!String(req.headers["content-type"]).startsWith("multipart/form-data"))
        throw invalid("Media upload must be multipart/form-data");
      refuse(await mediaContractError(raw, String(req.headers["content-type"])));
      return {
        status: 200,
        body: { id: String(Date.now()) + randomBytes(2).readUInt16BE(0) },
        logged: { bytes: raw.length },
      };
    }
    if (edge === "whatsapp_business_encryption") {
      requireNumber(object);
      if (method === "POST") {
        businessPublicKey = await uploadedPublicKey(req);
        return { status: 200, body: { success: true }, logged: { business_public_key: businessPublicKey } };
      }
      if (method === "GET") {
        const data = businessPublicKey
          ? [{ business_public_key: businessPublicKey, business_public_key_signature_status: "VALID" }]
          : [];
        return { status: 200, body: { data }, logged: undefined };
      }
    }
    if (edge === "message_templates") {
      if (object !== config.wabaId)
        throw new GraphError(400, 100, `Unsupported request. Object with ID '${object}' does not exist`, undefined, 33);
      if (method === "POST") {
        const body = parseJson(await readBody(req), "createTemplate");
        return { status: 200, body: createTemplate(body), logged: body };
      }
      if (method === "GET") return { status: 200, body: listTemplates(url), logged: undefined };
      if (method === "DELETE")
        return { status: 200, body: deleteTemplate(url), logged: { name: url.searchParams.get("name") } };
    }
    if (edge === "flows" && method === "POST" && object === config.wabaId) {
      const body = createFlowRequestSchema.safeParse(parseJson(await readBody(req)));
      if (!body.success) throw invalid(`${body.error.issues[0]?.path.join(".")}: ${body.error.issues[0]?.message}`);
      return { status: 200, body: await flowCall(() => flows.create(body.data)), logged: body.data };
    }
    if (flows.has(object)) {
      const answer = await flowCall(async () => {
        if (edge === "assets" && method === "POST")
          return flows.upload(object, await readBody(req), String(req.headers["content-type"] ?? ""));
        if (edge === "publish" && method === "POST") return flows.publish(object, businessPublicKey);
        if (edge === "deprecate" && method === "POST") return flows.deprecate(object);
        if (!edge && method === "POST")
          return flows.update(object, await readBody(req), String(req.headers["content-type"] ?? ""));
        if (!edge && method === "GET") return flows.details(object);
        if (!edge && method === "DELETE") return flows.remove(object);
        throw new GraphError(400, 100, `Unsupported ${method} request to ${url.pathname}`);
      });
      return { status: 200, body: answer, logged: { flow: object, edge: edge ?? null } };
    }
    if (!edge && method === "POST" && [...templates.values()].some((t) => t.id === object)) {
      const body = parseJson(await readBody(req), "editTemplate");
      return { status: 200, body: editTemplate(object, body), logged: body };
    }
    if (!edge && method === "GET" && object === config.wabaId) {
      const fields = url.searchParams.get("fields");
      if (fields?.includes("pricing_analytics")) {
        const range = pricingAnalyticsRange(fields);
        if (!range || !/granularity\(DAILY\)/.test(fields))
          throw new GraphError(
            400,
            100,
            "(#100) Invalid parameter",
            "pricing_analytics needs start(), end() and granularity(DAILY).",
          );
        // Pages of pricingPageSize data points, as Meta pages a long answer: `next` and cursors while there are more.
        const points = ledger.analytics(range.start, range.end).data[0]!.data_points;
        const cursor = url.searchParams.get("after") ?? /\.after\(([^)]*)\)/.exec(fields)?.[1] ?? null;
        const offset = cursor === null ? 0 : Number(Buffer.from(cursor, "base64url").toString("utf8"));
        if (!Number.isInteger(offset) || offset < 0 || offset > points.length)
          throw new GraphError(400, 100, "(#100) Invalid parameter", "The after cursor is not valid.");
        const page = points.slice(offset, offset + config.pricingPageSize);
        const end = offset + page.length;
        const cursorOf = (n: number) => Buffer.from(String(n)).toString("base64url");
        const next = new URL(
          url.pathname,
          config.pricingPaging === "foreign-next"
            ? "https://graph.facebook.com"
            : `http://${req.headers.host ?? "127.0.0.1"}`,
        );
        next.searchParams.set("fields", fields.replace(/\.after\([^)]*\)/, ""));
        next.searchParams.set("after", cursorOf(end));
        return {
          status: 200,
          body: {
            id: config.wabaId,
            pricing_analytics: {
              data: [{ data_points: page }],
              paging: {
                cursors: { before: cursorOf(offset), after: cursorOf(end) },
                ...(end < points.length && config.pricingPaging !== "cursors" ? { next: next.toString() } : {}),
              },
            },
          },
          logged: undefined,
        };
      }
      return {
        status: 200,
        body: { id: config.wabaId, marketing_messages_onboarding_status: config.marketingMessagesStatus },
        logged: undefined,
      };
    }
    if (!edge && method === "GET") {
      requireNumber(object);
      const tier = config.throughputPerSecond >= 1000 ? "HIGH" : "STANDARD";
      return {
        status: 200,
        body: {
          id: config.phoneNumberId,
          display_phone_number: `+${config.displayPhoneNumber}`,
          verified_name: "Parley Sandbox",
          quality_rating: "GREEN",
          throughput: { level: tier },
          whatsapp_business_manager_messaging_limit: config.messagingLimit,
        },
        logged: undefined,
      };
    }
    throw new GraphError(400, 100, `Unsupported ${method} request to ${url.pathname}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    let status = 200;
    let body: unknown;
    let logged: unknown;
    const held = { ms: 0 };
    try {
      ({ status, body, logged } = await route(req, url, held));
    } catch (error) {
      const graph = error instanceof GraphError ? error : new GraphError(500, 1, "An unknown error occurred");
      if (graph.code !== 130429 && graph.code !== 131056) counters.rejectedOther++;
      status = graph.status;
      body = graph.toJSON();
      logged = null;
    }
    if (!url.pathname.startsWith("/_sandbox")) {
      log.push({
        seq: ++seq,
        at: new Date().toISOString(),
        method: req.method ?? "GET",
        path: url.pathname,
        status,
        body: logged,
        response: body,
      });
      if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG);
    }
    if (held.ms > 0) {
      // What was decided stands (and is logged now); only the answer is late, as when Meta is slow to reply.
      await new Promise<void>((resolve) => {
        const release = () => {
          clearTimeout(timer);
          holds.delete(release);
          resolve();
        };
        const timer = setTimeout(release, held.ms);
        holds.add(release);
      });
      if (res.destroyed || req.socket.destroyed) return; // the caller gave up waiting
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 60_000;

  return {
    listen(port = 0, host = "127.0.0.1"): Promise<number> {
      warmContract(); // before the first request, not during it
      return new Promise((resolve) => server.listen(port, host, () => resolve((server.address() as AddressInfo).port)));
    },
    async close() {
      for (const release of [...holds]) release();
      // Connections still busy when close() starts (a held answer) never count as idle: end them all now.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await sender.close();
    },
    /** For tests in the same process. */
    get pendingWebhooks() {
      return sender.pending;
    },
  };
}
export type Sandbox = ReturnType<typeof createSandbox>;

/** The RSA public key (PEM) of a whatsapp_business_encryption upload: a multipart form field, as Meta takes it. */
async function uploadedPublicKey(req: IncomingMessage): Promise<string> {
  const raw = await readBody(req);
  const type = String(req.headers["content-type"]);
  let key: FormDataEntryValue | null = null;
  if (type.startsWith("multipart/form-data")) {
    key = await new Response(new Uint8Array(raw), { headers: { "content-type": type } })
      .formData()
      .then((form) => form.get("business_public_key"))
      .catch(() => null);
  }
  if (typeof key !== "string" || !key.trim())
    throw new GraphError(
      400,
      131008,
      "(#131008) Required parameter is missing",
      'Parameter "business_public_key" is required.',
    );
  try {
    if (createPublicKey(key).asymmetricKeyType !== "rsa") throw new Error("not RSA");
  } catch {
    throw new GraphError(
      400,
      100,
      "(#100) Invalid parameter",
      "business_public_key must be an RSA public key in PEM format.",
    );
  }
  return key.replace(/\r\n/g, "\n"); // a multipart form sends a text field's line breaks as CRLF
}

// A typed client for the Graph API calls in CLOUD_API.md, over keep-alive HTTP with timeouts.
// Every request has its own deadline (10 s for a send by default): past it the request is abandoned and
// reported as "no answer" (status 0), which the sender settles by evidence rather than by waiting.
// Requests are validated before they leave and responses after they arrive; Meta's errors become
// WhatsAppApiError with a classification (retry, back off, suppress, pause, fix).
// The access token goes into the Authorization header and nowhere else: not into errors, not into logs.
import { trace } from "@opentelemetry/api";
import { Agent, request, type Dispatcher } from "undici";
import type { z } from "zod";
import { countCloudApiCall } from "@/lib/observability/metrics";
import { traced } from "@/lib/observability/spans";
import { classifyError, type ErrorClassification } from "./errors";
import {
  createFlowRequestSchema,
  createFlowResponseSchema,
  createTemplateRequestSchema,
  createTemplateResponseSchema,
  flowAssetResponseSchema,
  graphErrorSchema,
  listTemplatesResponseSchema,
  markReadRequestSchema,
  marketingMessageRequestSchema,
  mediaUploadResponseSchema,
  phoneNumberHealthSchema,
  pricingAnalyticsResponseSchema,
  type GraphPaging,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
  successResponseSchema,
  updateFlowMetadataRequestSchema,
  uploadHandleResponseSchema,
  uploadSessionResponseSchema,
  wabaMarketingStatusSchema,
  type CreateTemplateRequest,
  type MarketingMessageRequest,
  type SendMessageRequest,
} from "./schemas";

export type WhatsAppCredentials = {
  /** e.g. https://graph.facebook.com/v23.0, or the sandbox's http://127.0.0.1:4010/v23.0 */
  baseUrl: string;
  wabaId: string;
  phoneNumberId: string;
  accessToken: string;
  /** The Meta app's id, for the resumable upload of template header samples. */
  appId?: string;
};

export class WhatsAppApiError extends Error {
  readonly classification: ErrorClassification;
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly details?: string,
    readonly fbtraceId?: string,
  ) {
    super(message);
    this.name = "WhatsAppApiError";
    this.classification = classifyError(code, status);
  }
}

/** One keep-alive connection pool per process, shared by every account's client. Its timeouts are a
 * backstop; each request's own deadline (ClientOptions) is what callers rely on. */
const sharedAgent = new Agent({
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 600_000,
  connections: 128,
  pipelining: 1,
  connect: { timeout: 5_000 },
  headersTimeout: 60_000,
  bodyTimeout: 120_000,
});

/** Per-request deadlines, from the request leaving to its whole answer read. */
export const DEFAULT_TIMEOUTS = {
  /** Message sends and read receipts: Meta answers in well under a second; a slow one must not hold a campaign. */
  sendTimeoutMs: 10_000,
  /** Media and header-sample uploads carry up to 100 MB. */
  uploadTimeoutMs: 120_000,
  /** Everything else (templates, number health). */
  timeoutMs: 30_000,
};

export type ClientOptions = { dispatcher?: Dispatcher } & Partial<typeof DEFAULT_TIMEOUTS>;

type CallKind = "send" | "upload" | "other";

/** Pages of pricing_analytics read at most in one call (a 90-day, many-country answer fits well within it). */
export const MAX_PRICING_PAGES = 50;

export function createWhatsAppClient(credentials: WhatsAppCredentials, options: ClientOptions = {}) {
  const dispatcher = options.dispatcher ?? sharedAgent;
  const base = credentials.baseUrl.replace(/\/+$/, "");
  const deadlines: Record<CallKind, number> = {
    send: options.sendTimeoutMs ?? DEFAULT_TIMEOUTS.sendTimeoutMs,
    upload: options.uploadTimeoutMs ?? DEFAULT_TIMEOUTS.uploadTimeoutMs,
    other: options.timeoutMs ?? DEFAULT_TIMEOUTS.timeoutMs,
  };

  /**
   * Every request is a span named by its operation (the path with its leading id generalised) and is
   * counted, with Meta's error code when it fails (docs/observability.md).
   */
  function call<S extends z.ZodType>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    schema: S,
    body?: { json?: unknown; raw?: Buffer; headers?: Record<string, string> },
    kind: CallKind = "other",
  ): Promise<z.output<S>> {
    const operation = `${method} ${path.split("?")[0]!.replace(/^\/[^/]+/, "/{id}")}`;
    return traced(
      `whatsapp ${operation}`,
      async (span) => {
        try {
          const result = await exchange(method, path, schema, body, kind);
          countCloudApiCall(operation);
          return result;
        } catch (error) {
          if (!(error instanceof WhatsAppApiError)) throw error;
          span.setAttributes({ "http.response.status_code": error.status, "whatsapp.error.code": error.code });
          countCloudApiCall(operation, { code: error.code, action: error.classification.action });
          throw error;
        }
      },
      { "http.request.method": method },
    );
  }

  async function exchange<S extends z.ZodType>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    schema: S,
    body?: { json?: unknown; raw?: Buffer; headers?: Record<string, string> },
    kind: CallKind = "other",
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { authorization: `Bearer ${credentials.accessToken}`, ...body?.headers };
    let payload: string | Buffer | undefined;
    if (body?.json !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.json);
    } else if (body?.raw) {
      payload = body.raw;
    }
    const deadline = deadlines[kind];
    let statusCode: number;
    let text: string;
    try {
      // One signal for the whole exchange: connecting, waiting for headers and reading the body.
      const response = await request(`${base}${path}`, {
        method,
        headers,
        body: payload,
        dispatcher,
        signal: AbortSignal.timeout(deadline),
      });
      statusCode = response.statusCode;
      trace.getActiveSpan()?.setAttribute("http.response.status_code", statusCode);
      text = await response.body.text();
    } catch (error) {
      // Network failures and timeouts: Meta may or may not have acted, the caller decides (code 2: transient).
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const reason = timedOut
        ? `no answer within ${deadline / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error);
      throw new WhatsAppApiError(0, 2, `Could not reach the WhatsApp Cloud API: ${reason}`);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new WhatsAppApiError(
        statusCode,
        statusCode >= 500 ? 2 : 100,
        `Unexpected non-JSON answer (HTTP ${statusCode})`,
      );
    }
    if (statusCode >= 400) {
      const parsed = graphErrorSchema.safeParse(json);
      if (!parsed.success) throw new WhatsAppApiError(statusCode, statusCode >= 500 ? 2 : 100, `HTTP ${statusCode}`);
      const e = parsed.data.error;
      throw new WhatsAppApiError(statusCode, e.code, e.message, e.error_subcode, e.error_data?.details, e.fbtrace_id);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new WhatsAppApiError(
        statusCode,
        100,
        `Unexpected response shape from ${method} ${path}: ${parsed.error.issues[0]?.message}`,
      );
    }
    return parsed.data;
  }

  function validated<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new WhatsAppApiError(400, 100, `Invalid request: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    return parsed.data;
  }

  const phone = encodeURIComponent(credentials.phoneNumberId);
  const waba = encodeURIComponent(credentials.wabaId);

  /**
   * The path of the next page of a field expansion: its `paging.next` when that is on this client's Graph API
   * base, else (Meta leaves `next` out of some field expansions) the same field `.after(cursor)` while the last
   * page still had data; null when done.
   */
  /**
   * The next page's path on the client's own Graph host: `paging.next` when it names that host, else the same field
   * `.after(cursor)`. false when Meta says there is a next page that Parley cannot ask its own host for (a `next`
   * elsewhere without a cursor): the answer is then incomplete, never taken as whole.
   */
  function nextPagePath(paging: GraphPaging | undefined, field: string, tryCursor: boolean): string | null | false {
    const after = paging?.cursors?.after;
    const byCursor = () => `/${waba}?${new URLSearchParams({ fields: `${field}.after(${after})` })}`;
    if (paging?.next) {
      let next: URL | null = null;
      let own: URL | null = null;
      try {
        next = new URL(paging.next);
        own = new URL(base);
      } catch {
        // handled below as a next page on another host
      }
      const prefix = own?.pathname.replace(/\/+$/, "") ?? "";
      if (next && own && next.origin === own.origin && next.pathname.startsWith(`${prefix}/`))
        return `${next.pathname.slice(prefix.length)}${next.search}`;
      // Meta's `next` names its own host (graph.facebook.com) also when Parley reaches Graph through another base:
      // the token goes to no other host, so the cursor asks Parley's own for the same page.
      return after ? byCursor() : false;
    }
    if (!after || !tryCursor) return null;
    return byCursor();
  }

  return {
    /** Any message: template, text, media or interactive. Acceptance is not delivery. */
    sendMessage(message: SendMessageRequest) {
      return call(
        "POST",
        `/${phone}/messages`,
        sendMessageResponseSchema,
        { json: validated(sendMessageRequestSchema, message) },
        "send",
      );
    },

    /**
     * A MARKETING template through the Marketing Messages API (Meta's delivery optimisation, link-click webhooks).
     * Callers go through lib/whatsapp/marketing.ts, which decides between this and sendMessage.
     */
    sendMarketingMessage(message: MarketingMessageRequest) {
      return call(
        "POST",
        `/${phone}/marketing_messages`,
        sendMessageResponseSchema,
        { json: validated(marketingMessageRequestSchema, message) },
        "send",
      );
    },

    /** The WABA's onboarding to the Marketing Messages API (ONBOARDED, ELIGIBLE, INELIGIBLE_..., PENDING_...). */
    getMarketingMessagesStatus() {
      const query = new URLSearchParams({ fields: "marketing_messages_onboarding_status" });
      return call("GET", `/${waba}?${query}`, wabaMarketingStatusSchema);
    },

    /**
     * What Meta billed per UTC day, country, pricing category and type, between two instants (at most 90 days).
     * Meta pages a long answer: each page's `paging.next` (or, where Meta gives only cursors, its `after`) is followed, at most
     * `maxPages` pages, and the data points of all pages come back as one answer (`truncated` when pages were
     * left unread). A `next` pointing anywhere but this client's Graph API host is not followed: the access
     * token goes nowhere else.
     */
    async getPricingAnalytics(range: { start: Date; end: Date }, options: { maxPages?: number } = {}) {
      const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
      const field =
        `pricing_analytics.start(${seconds(range.start)}).end(${seconds(range.end)}).granularity(DAILY)` +
        `.dimensions(["COUNTRY","PRICING_CATEGORY","PRICING_TYPE"])`;
      const maxPages = options.maxPages ?? MAX_PRICING_PAGES;
      let path = `/${waba}?${new URLSearchParams({ fields: field })}`;
      const first = await call("GET", path, pricingAnalyticsResponseSchema);
      const data = [...(first.pricing_analytics?.data ?? [])];
      let paging = first.pricing_analytics?.paging;
      let pages = 1;
      let pageHadPoints = data.some((d) => d.data_points.length > 0);
      let sawNext = false; // once Meta pages with `next`, a page without one is the last
      const seen = new Set([path]);
      for (;;) {
        sawNext ||= Boolean(paging?.next);
        const next = nextPagePath(paging, field, pageHadPoints && !sawNext);
        if (next === false) return { ...first, pricing_analytics: { data }, truncated: true };
        if (!next || seen.has(next)) break;
        if (pages >= maxPages) return { ...first, pricing_analytics: { data }, truncated: true };
        seen.add((path = next));
        const page = await call("GET", path, pricingAnalyticsResponseSchema);
        const points = page.pricing_analytics?.data ?? [];
        pageHadPoints = points.some((d) => d.data_points.length > 0);
        data.push(...points);
        paging = page.pricing_analytics?.paging;
        pages++;
      }
      return { ...first, pricing_analytics: { data }, truncated: false };
    },

    markRead(messageId: string) {
      const json = validated(markReadRequestSchema, {
        messaging_product: "whatsapp",
        status: "read",
        message_id: messageId,
      });
      return call("POST", `/${phone}/messages`, successResponseSchema, { json }, "send");
    },

    createTemplate(template: CreateTemplateRequest) {
      return call("POST", `/${waba}/message_templates`, createTemplateResponseSchema, {
        json: validated(createTemplateRequestSchema, template),
      });
    },

    /** Edits a submitted template (rejected, paused or approved): it goes back to review. */
    editTemplate(
      metaTemplateId: string,
      edit: Pick<CreateTemplateRequest, "components"> &
        Partial<Pick<CreateTemplateRequest, "category" | "message_send_ttl_seconds">>,
    ) {
      return call("POST", `/${encodeURIComponent(metaTemplateId)}`, successResponseSchema, { json: edit });
    },

    listTemplates(page: { after?: string; limit?: number } = {}) {
      const query = new URLSearchParams({
        fields: "id,name,status,category,language,components,quality_score,rejected_reason,parameter_format",
        limit: String(page.limit ?? 100),
        ...(page.after ? { after: page.after } : {}),
      });
      return call("GET", `/${waba}/message_templates?${query}`, listTemplatesResponseSchema);
    },

    /** Deletes every language of a template, or only one when its Meta id (`hsm_id`) is given. */
    deleteTemplate(name: string, metaTemplateId?: string) {
      const query = new URLSearchParams({ name, ...(metaTemplateId ? { hsm_id: metaTemplateId } : {}) });
      return call("DELETE", `/${waba}/message_templates?${query}`, successResponseSchema);
    },

    /** Media for sending (ids expire after 30 days). */
    async uploadMedia(file: { bytes: Buffer; mimeType: string; fileName: string }) {
      const form = new FormData();
      form.set("messaging_product", "whatsapp");
      form.set("type", file.mimeType);
      form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.fileName);
      // Encoded here (the multipart body and its boundary): the undici package's request() does not take
      // the runtime's own FormData.
      const encoded = new Response(form);
      const raw = Buffer.from(await encoded.arrayBuffer());
      return call(
        "POST",
        `/${phone}/media`,
        mediaUploadResponseSchema,
        { raw, headers: { "content-type": encoded.headers.get("content-type")! } },
        "upload",
      );
    },

    /** A header sample for template creation, through the Resumable Upload API: returns the handle `h`. */
    async uploadHeaderHandle(file: { bytes: Buffer; mimeType: string; fileName: string }) {
      if (!credentials.appId)
        throw new WhatsAppApiError(400, 100, "The Meta app id is needed to upload template header samples.");
      const query = new URLSearchParams({
        file_length: String(file.bytes.length),
        file_type: file.mimeType,
        file_name: file.fileName,
      });
      const session = await call(
        "POST",
        `/${encodeURIComponent(credentials.appId)}/uploads?${query}`,
        uploadSessionResponseSchema,
      );
      const uploaded = await call(
        "POST",
        `/${session.id}`,
        uploadHandleResponseSchema,
        {
          raw: file.bytes,
          headers: { file_offset: "0", "content-type": "application/octet-stream" },
        },
        "upload",
      );
      return uploaded.h;
    },

    /** A flow at Meta, created as a draft (flows/reference/flowsapi). */
    createFlow(flow: z.input<typeof createFlowRequestSchema>) {
      return call("POST", `/${waba}/flows`, createFlowResponseSchema, {
        json: validated(createFlowRequestSchema, flow),
      });
    },

    /**
     * Changes a draft flow's name, categories or endpoint_uri at Meta: a flow first created as a plain form gets its
     * endpoint this way. Sent as the form Meta's OpenAPI describes (`categories` as a JSON array in text).
     */
    async updateFlowMetadata(metaFlowId: string, update: z.input<typeof updateFlowMetadataRequestSchema>) {
      const { name, categories, endpoint_uri } = validated(updateFlowMetadataRequestSchema, update);
      const form = new FormData();
      if (name !== undefined) form.set("name", name);
      if (categories !== undefined) form.set("categories", JSON.stringify(categories));
      if (endpoint_uri !== undefined) form.set("endpoint_uri", endpoint_uri);
      const encoded = new Response(form);
      const raw = Buffer.from(await encoded.arrayBuffer());
      return call("POST", `/${encodeURIComponent(metaFlowId)}`, successResponseSchema, {
        raw,
        headers: { "content-type": encoded.headers.get("content-type")! },
      });
    },

    /** Replaces a draft flow's Flow JSON; Meta answers with its validation errors, if any. */
    async uploadFlowJson(metaFlowId: string, json: unknown) {
      const form = new FormData();
      // Pretty-printed: Meta's errors name lines and columns of this file.
      form.set("file", new Blob([JSON.stringify(json, null, 2)], { type: "application/json" }), "flow.json");
      form.set("name", "flow.json");
      form.set("asset_type", "FLOW_JSON");
      const encoded = new Response(form);
      const raw = Buffer.from(await encoded.arrayBuffer());
      return call("POST", `/${encodeURIComponent(metaFlowId)}/assets`, flowAssetResponseSchema, {
        raw,
        headers: { "content-type": encoded.headers.get("content-type")! },
      });
    },

    /** Publishes a draft flow: final, its JSON can no longer change. */
    publishFlow(metaFlowId: string) {
      return call("POST", `/${encodeURIComponent(metaFlowId)}/publish`, successResponseSchema);
    },

    /** Retires a published flow: it can no longer be sent or opened. */
    deprecateFlow(metaFlowId: string) {
      return call("POST", `/${encodeURIComponent(metaFlowId)}/deprecate`, successResponseSchema);
    },

    /**
     * Registers the public key WhatsApp encrypts Flows data-exchange requests with (SPKI PEM), for this number.
     * Meta takes it as a multipart form field and signs it; a new key replaces the old one at once.
     */
    async setBusinessPublicKey(pem: string) {
      const form = new FormData();
      form.set("business_public_key", pem);
      const encoded = new Response(form);
      const raw = Buffer.from(await encoded.arrayBuffer());
      return call("POST", `/${phone}/whatsapp_business_encryption`, successResponseSchema, {
        raw,
        headers: { "content-type": encoded.headers.get("content-type")! },
      });
    },

    getPhoneNumberHealth() {
      const query = new URLSearchParams({
        fields:
          "id,display_phone_number,verified_name,quality_rating,throughput,whatsapp_business_manager_messaging_limit",
      });
      return call("GET", `/${phone}?${query}`, phoneNumberHealthSchema);
    },
  };
}

export type WhatsAppClient = ReturnType<typeof createWhatsAppClient>;

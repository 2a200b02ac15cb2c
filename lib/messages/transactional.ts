// Transactional messages through the public API: one person, now. Accepting one checks everything that
// can be known before sending (the contact, an approved template and its variables, the consent rule,
// the marketing cap, the 24-hour window for a session message) and queues a Message row (origin "api")
// with its Cloud API body; the dispatcher sends it like a campaign's (lib/dispatch), consent checked again
// at the claim; the worker is woken after the commit (lib/db/notify.ts). With an Idempotency-Key, the key
// is taken in the same transaction as the message, so two concurrent calls with one key queue one message
// and both get its answer.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import type { SendMessageBody } from "@/lib/api/operations/messages";
import { ApiProblem } from "@/lib/api/handler";
import { contactHandle, recipientOf } from "@/lib/contacts/identity";
import { recentMarketingSql } from "@/lib/campaigns/audience";
import { quietDelayMs } from "@/lib/campaigns/quiet-hours";
import {
  carouselCards,
  MissingValueError,
  offerExpires,
  renderTemplateMessage,
  routeLanguage,
  templateSlots,
  type TemplateVersion,
} from "@/lib/campaigns/render";
import { quietHoursSchema, type Variable } from "@/lib/campaigns/schemas";
import { consentRefusalMessage, consentRefusalSql } from "@/lib/consent/eligibility";
import { normalisePhone } from "@/lib/contacts/phone";
import { db, Prisma } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg";
import type { TemplateCategory } from "@/lib/db/generated/enums";
import { DISPATCH_CHANNEL, notifySoon } from "@/lib/db/notify";
import { NotFoundError } from "@/lib/errors";
import { englishTranslator } from "@/lib/i18n/translator";
import { windowState } from "@/lib/inbox/window";
import type { SendMessageRequest } from "@/lib/whatsapp/schemas";

/** A pg client or pool: the accept path runs on node-postgres (lib/db/pg.ts), a hot path where Prisma's per-query cost would be most of the time. */
type Sql = Pick<pg.PoolClient, "query">;
const statementNames = new Map<string, string>();
/** Runs `q` as a named prepared statement: each connection parses and plans it once, not on every accept. */
const run = async <T extends pg.QueryResultRow>(client: Sql, q: Prisma.Sql) => {
  let name = statementNames.get(q.text);
  if (!name) statementNames.set(q.text, (name = `parley_tx_${statementNames.size}`));
  return (await client.query<T>({ name, text: q.text, values: q.values })).rows;
};

/** A 422 problem; `message` may be a message key (lib/i18n/message-key.ts): machines read it in English. */
const refuse = (code: string, text: string, field?: string) => {
  const message = englishTranslator.message(text);
  return new ApiProblem(422, message, code, field ? { errors: [{ field, message }] } : {});
};

const MESSAGE_COLUMNS = Prisma.sql`m.id, m.state, m."contactId", m.request, m.category, m."callbackData", m."nextAttemptAt", m."createdAt",
  m."sentAt", m."deliveredAt", m."readAt", m."failedAt", m."errorCode", m."errorReason", m."skipReason", m.wamid`;
type MessageRow = {
  id: string;
  state: string;
  contactId: string;
  request: unknown;
  category: string | null;
  callbackData: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  errorCode: number | null;
  errorReason: string | null;
  skipReason: string | null;
  wamid: string | null;
  phone: string;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A message as the API shows it. */
export function messageResource(m: MessageRow) {
  const request = m.request as { type?: string; template?: { name: string; language: { code: string } } } | null;
  return {
    id: m.id,
    status: (m.state === "CLAIMED" ? "sending" : m.state.toLowerCase()) as "queued",
    contactId: m.contactId,
    to: m.phone,
    type: request?.type === "template" ? ("template" as const) : ("text" as const),
    template:
      request?.type === "template" && request.template
        ? { name: request.template.name, language: request.template.language.code, category: m.category ?? "" }
        : null,
    callbackData: m.callbackData,
    scheduledFor: (m.nextAttemptAt ?? m.createdAt).toISOString(),
    createdAt: m.createdAt.toISOString(),
    sentAt: iso(m.sentAt),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
    failedAt: iso(m.failedAt),
    error:
      m.state === "FAILED" || m.state === "SKIPPED"
        ? // A failure's reason is stored as a message key (lib/whatsapp/errors.ts): the API gives its English words.
          {
            code: m.errorCode,
            reason: m.errorReason ? englishTranslator.message(m.errorReason) : (m.skipReason ?? "unknown"),
          }
        : null,
    wamid: m.wamid,
  };
}

export type Accepted = { status: number; body: unknown; replayed: boolean };

/** Accepts a message for sending (see the file's head); with `idempotencyKey`, once per key. */
export async function acceptMessage(
  workspaceId: string,
  apiKeyId: string,
  input: SendMessageBody,
  idempotencyKey: string | null,
): Promise<Accepted> {
  if (!idempotencyKey) {
    const message = await queueMessage(pgPool(), workspaceId, { origin: "api", apiKeyId }, input);
    notifySoon(DISPATCH_CHANNEL);
    return { status: 202, body: messageResource(message), replayed: false };
  }
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    // A concurrent call with the same key waits here until the first one's transaction ends.
    const taken = await run(
      client,
      Prisma.sql`
      INSERT INTO "ApiIdempotency" ("workspaceId", key, "requestHash", status, response)
      VALUES (${workspaceId}, ${idempotencyKey}, ${requestHash}, 0, '{}') ON CONFLICT DO NOTHING RETURNING 1`,
    );
    let accepted: Accepted;
    if (taken.length === 0) {
      const [first] = await run<{ requestHash: string; status: number; response: unknown }>(
        client,
        Prisma.sql`
        SELECT "requestHash", status, response FROM "ApiIdempotency" WHERE "workspaceId" = ${workspaceId} AND key = ${idempotencyKey}`,
      );
      if (first!.requestHash !== requestHash) {
        throw new ApiProblem(
          409,
          "This Idempotency-Key was already used with a different body. Use a new key for a new message.",
          "idempotency_key_reused",
        );
      }
      accepted = { status: first!.status, body: first!.response, replayed: true };
    } else {
      const body = messageResource(await queueMessage(client, workspaceId, { origin: "api", apiKeyId }, input));
      await run(
        client,
        Prisma.sql`
        UPDATE "ApiIdempotency" SET status = 202, response = ${JSON.stringify(body)}::jsonb
        WHERE "workspaceId" = ${workspaceId} AND key = ${idempotencyKey}`,
      );
      accepted = { status: 202, body, replayed: false };
    }
    await client.query("COMMIT");
    if (!accepted.replayed) notifySoon(DISPATCH_CHANNEL);
    return accepted;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

type Context = {
  defaultCountry: string;
  workspaceZone: string;
  quietHours: unknown;
  cap: number | null;
  connected: boolean;
  contactId: string | null;
  phone: string | null;
  bsuid: string | null;
  locale: string | null;
  contactZone: string | null;
  unreachable: boolean;
  lastInboundAt: Date | null;
  templates: TemplateRow[] | null;
};
type TemplateRow = Version & { status: string };

/** The workspace's rules, the contact (by id, or by a number in E.164) and the named template's versions, in one query. */
async function loadContext(client: Sql, workspaceId: string, input: SendMessageBody, phone: string | null) {
  const [row] = await run<Context>(
    client,
    Prisma.sql`
    SELECT w."defaultCountry", w."timeZone" AS "workspaceZone", w."quietHours", w."marketingCapPer7Days" AS cap,
      EXISTS (SELECT 1 FROM "WhatsAppAccount" a WHERE a."workspaceId" = w.id) AS connected,
      c.id AS "contactId", c.phone, c.bsuid, c.locale, c."timeZone" AS "contactZone", COALESCE(c.unreachable, false) AS unreachable,
      v."lastInboundAt",
      (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'language', t.language, 'components', t.components,
          'parameterFormat', t."parameterFormat", 'category', t.category, 'status', t.status))
        FROM "Template" t WHERE t."workspaceId" = w.id AND t.name = ${input.template?.name ?? null}) AS templates
    FROM "Workspace" w
    LEFT JOIN "Contact" c ON c."workspaceId" = w.id AND ${input.contactId ? Prisma.sql`c.id = ${input.contactId}` : Prisma.sql`c.phone = ${phone ?? ""}`}
    LEFT JOIN "Conversation" v ON v."contactId" = c.id
    WHERE w.id = ${workspaceId}`,
  );
  if (!row) throw new NotFoundError("workspace");
  return row;
}

/** Who asks: an API key, or a journey's send step (lib/journeys/engine.ts), which queues through the same checks. */
export type MessageOrigin = { origin: "api"; apiKeyId: string } | { origin: "journey" };

/**
 * Queues one message after every check that can be made now; a refusal is an ApiProblem (422, or 409 with no
 * WhatsApp connection) naming the reason, and queues nothing.
 */
export async function queueMessage(
  client: Sql,
  workspaceId: string,
  from: MessageOrigin,
  input: SendMessageBody,
): Promise<MessageRow> {
  // A number in E.164 needs no default country; any other is read with the workspace's (a second query).
  const e164 = input.to?.trim().startsWith("+") ? normalisePhone(input.to) : null;
  let ctx = await loadContext(client, workspaceId, input, e164?.ok ? e164.e164 : null);
  if (input.to && !e164?.ok) {
    const phone = normalisePhone(input.to, ctx.defaultCountry);
    if (!phone.ok)
      throw refuse("invalid_phone", `“${input.to}” is not a phone number WhatsApp can reach: ${phone.reason}.`, "to");
    ctx = await loadContext(client, workspaceId, input, phone.e164);
  }
  const { request, version, quiet, field } = prepare(ctx, input);
  // lib/consent's rule and the marketing cap, decided in the statement that queues the message: nothing is
  // queued when either refuses, and the answer says which.
  const category = version?.category ?? null;
  const capped = category === "MARKETING" && ctx.cap !== null;
  const [row] = await run<MessageRow & { refusal: "no_consent" | "opted_out" | null; recent: string }>(
    client,
    Prisma.sql`
    WITH rule AS (
      SELECT ${category ? consentRefusalSql(Prisma.sql`${ctx.contactId}`, category) : Prisma.sql`NULL::text`} AS refusal,
        ${capped ? recentMarketingSql(Prisma.sql`${ctx.contactId}`) : Prisma.sql`0::bigint`} AS recent
    ), m AS (
      INSERT INTO "Message" (id, "workspaceId", "contactId", origin, "templateId", category, request, "callbackData", "apiKeyId", "nextAttemptAt")
      SELECT gen_random_uuid()::text, ${workspaceId}, ${ctx.contactId}, ${from.origin}, ${version?.id ?? null}, ${category}::"TemplateCategory", ${JSON.stringify(request)}::jsonb,
        ${input.callbackData ?? null}, ${from.origin === "api" ? from.apiKeyId : null}, now() + make_interval(secs => ${quiet / 1000})
      FROM rule WHERE rule.refusal IS NULL AND rule.recent < ${capped ? ctx.cap : 1}
      RETURNING *
    )
    SELECT rule.refusal, rule.recent, ${MESSAGE_COLUMNS}, ${ctx.phone} AS phone FROM rule LEFT JOIN m ON true`,
  );
  const refused = insertRefusal(row!, category, ctx, field);
  if (refused) throw refused;
  return row!;
}

/** The statement's refusal (lib/consent's rule, or the marketing cap) as the API's problem; null: queued. */
function insertRefusal(
  row: { id: string | null; refusal: "no_consent" | "opted_out" | null },
  category: TemplateCategory | null,
  ctx: Context,
  field: string,
): ApiProblem | null {
  if (row.refusal)
    return refuse(`consent_${row.refusal}`, consentRefusalMessage(row.refusal, category!, contactHandle(ctx)), field);
  if (row.id) return null;
  return refuse(
    "frequency_cap",
    `Not sent: this person already received ${ctx.cap} marketing messages in the last 7 days, the workspace's cap.`,
    field,
  );
}

/**
 * queueMessage for many messages of one workspace at once, each to a contact named by id (a batch of journey
 * send steps): the same checks and the same outcome per message (its row, or the ApiProblem queueMessage
 * would throw), in two statements for the whole batch: the context (the workspace, the contacts, the
 * templates), and the inserts with lib/consent's rule and the cap decided per row.
 */
export async function queueMessages(
  client: Sql,
  workspaceId: string,
  from: MessageOrigin,
  inputs: (SendMessageBody & { contactId: string })[],
): Promise<(MessageRow | ApiProblem)[]> {
  if (inputs.length === 0) return [];
  const names = [...new Set(inputs.flatMap((i) => (i.template ? [i.template.name] : [])))];
  const rows = await run<Context & { templates: TemplateRow[] | null }>(
    client,
    Prisma.sql`
    WITH w AS (
      SELECT w.id, w."defaultCountry", w."timeZone" AS "workspaceZone", w."quietHours", w."marketingCapPer7Days" AS cap,
        EXISTS (SELECT 1 FROM "WhatsAppAccount" a WHERE a."workspaceId" = w.id) AS connected,
        (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'language', t.language, 'components', t.components,
            'parameterFormat', t."parameterFormat", 'category', t.category, 'status', t.status))
          FROM "Template" t WHERE t."workspaceId" = w.id AND t.name = ANY(${names}::text[])) AS templates
      FROM "Workspace" w WHERE w.id = ${workspaceId}
    )
    SELECT w."defaultCountry", w."workspaceZone", w."quietHours", w.cap, w.connected, w.templates,
      c.id AS "contactId", c.phone, c.bsuid, c.locale, c."timeZone" AS "contactZone", COALESCE(c.unreachable, false) AS unreachable,
      v."lastInboundAt"
    FROM w
    LEFT JOIN "Contact" c ON c."workspaceId" = w.id AND c.id = ANY(${[...new Set(inputs.map((i) => i.contactId))]}::text[])
    LEFT JOIN "Conversation" v ON v."contactId" = c.id`,
  );
  if (rows.length === 0) throw new NotFoundError("workspace");
  const byContact = new Map(rows.map((r) => [r.contactId, r]));
  // A contact not found: the workspace's context with no contact, as queueMessage's query returns it.
  const absent: Context = {
    ...rows[0]!,
    contactId: null,
    phone: null,
    bsuid: null,
    locale: null,
    contactZone: null,
    unreachable: false,
    lastInboundAt: null,
  };
  type Ready = { i: number; id: string; ctx: Context; field: string; category: TemplateCategory | null } & ReturnType<
    typeof prepare
  >;
  const results: (MessageRow | ApiProblem)[] = [];
  const ready: Ready[] = [];
  inputs.forEach((input, i) => {
    // The context as queueMessage reads it: this contact, and the versions of this input's template only.
    const contact = byContact.get(input.contactId) ?? absent;
    const versions = contact.templates?.filter((t) => t.name === input.template?.name) ?? [];
    const ctx: Context = { ...contact, templates: versions.length ? versions : null };
    try {
      const prepared = prepare(ctx, input);
      ready.push({ i, id: randomUUID(), ctx, ...prepared, category: prepared.version?.category ?? null });
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      results[i] = error;
    }
  });
  if (ready.length === 0) return results;
  const cap = rows[0]!.cap;
  const capped = ready.map((r) => r.category === "MARKETING" && cap !== null);
  const inserted = await run<MessageRow & { n: number; refusal: "no_consent" | "opted_out" | null }>(
    client,
    Prisma.sql`
    WITH rule AS (
      SELECT t.*, CASE WHEN t.category IS NULL THEN NULL ELSE ${consentRefusalSql(Prisma.sql`t.contact_id`, Prisma.sql`t.category`)} END AS refusal,
        CASE WHEN t.capped THEN ${recentMarketingSql(Prisma.sql`t.contact_id`)} ELSE 0::bigint END AS recent
      FROM unnest(${ready.map((r) => r.id)}::text[], ${ready.map((r) => r.ctx.contactId)}::text[],
        ${ready.map((r) => r.version?.id ?? null)}::text[], ${ready.map((r) => r.category)}::"TemplateCategory"[],
        ${ready.map((r) => JSON.stringify(r.request))}::jsonb[], ${ready.map((r) => inputs[r.i]!.callbackData ?? null)}::text[],
        ${ready.map((r) => r.quiet / 1000)}::float8[], ${capped}::boolean[])
        WITH ORDINALITY AS t(id, contact_id, template_id, category, request, callback_data, quiet, capped, n)
    ), m AS (
      INSERT INTO "Message" (id, "workspaceId", "contactId", origin, "templateId", category, request, "callbackData", "apiKeyId", "nextAttemptAt")
      SELECT rule.id, ${workspaceId}, rule.contact_id, ${from.origin}, rule.template_id, rule.category, rule.request,
        rule.callback_data, ${from.origin === "api" ? from.apiKeyId : null}, now() + make_interval(secs => rule.quiet)
      FROM rule WHERE rule.refusal IS NULL AND rule.recent < CASE WHEN rule.capped THEN ${cap ?? 0}::bigint ELSE 1 END
      RETURNING *
    )
    SELECT rule.n, rule.refusal, ${MESSAGE_COLUMNS} FROM rule LEFT JOIN m ON m.id = rule.id`,
  );
  for (const row of inserted) {
    const r = ready[Number(row.n) - 1]!;
    const refused = insertRefusal(row, r.category, r.ctx, r.field);
    results[r.i] = refused ?? { ...row, phone: r.ctx.phone! };
  }
  return results;
}

/** Everything decided before the insert (the connection, the contact, the template or the window, quiet hours): a refusal throws. */
function prepare(ctx: Context, input: SendMessageBody) {
  if (!ctx.connected) {
    throw new ApiProblem(
      409,
      "This workspace has no WhatsApp connection yet. An admin connects one in Settings → WhatsApp.",
      "no_whatsapp_connection",
    );
  }
  if (!ctx.contactId) {
    if (input.contactId) throw refuse("contact_not_found", "No contact with this id in this workspace.", "contactId");
    throw refuse(
      "contact_not_found",
      `No contact with the number ${input.to}. Create it (PUT /contacts) and record its opt-in (POST /contacts/{id}/consent) first: WhatsApp messages need the person's consent.`,
      "to",
    );
  }
  const field = input.to ? "to" : "contactId";
  if (ctx.unreachable) {
    throw refuse(
      "not_on_whatsapp",
      `Not sent: ${contactHandle(ctx)} is not on WhatsApp (Meta answered 131026 to an earlier message).`,
      field,
    );
  }

  let request: SendMessageRequest;
  let version: Version | null = null;
  if (input.template) {
    version = pickTemplate(ctx.templates ?? [], input.template, ctx.locale);
    if (version.category === "AUTHENTICATION" && !ctx.phone) {
      throw refuse(
        "no_phone_for_authentication",
        "Not sent: WhatsApp sends authentication templates to phone numbers only, and this person has shared only a username.",
        field,
      );
    }
    request = renderRequest(version, input.template, ctx);
    const us = ctx.phone ? ctx.phone.startsWith("+1") : Boolean(ctx.bsuid?.startsWith("US."));
    if (version.category === "MARKETING" && us) {
      throw refuse(
        "us_marketing_block",
        "Not sent: Meta does not deliver marketing templates to US (+1) numbers.",
        field,
      );
    }
  } else {
    if (!windowState(ctx.lastInboundAt).open) {
      throw refuse(
        "outside_window",
        "Not sent: a session message can only go within 24 hours of the person's last message to you. Send an approved template instead.",
        "text",
      );
    }
    request = {
      messaging_product: "whatsapp",
      ...recipientOf(ctx)!,
      type: "text",
      text: { body: input.text!.body, preview_url: input.text!.previewUrl },
    };
  }

  const quiet = input.respectQuietHours
    ? quietDelayMs(new Date(), ctx.contactZone ?? ctx.workspaceZone, quietHoursSchema.safeParse(ctx.quietHours).data)
    : 0;
  return { request, version, quiet, field };
}

type Version = TemplateVersion & { id: string; category: TemplateCategory };

/** The version of the named template to send: the asked language, or the one that suits the contact. */
function pickTemplate(
  versions: (Version & { status: string })[],
  t: NonNullable<SendMessageBody["template"]>,
  locale: string | null,
): Version {
  if (versions.length === 0)
    throw refuse("template_not_found", `No template named “${t.name}” in this workspace.`, "template.name");
  const approved = versions.filter((v) => v.status === "APPROVED");
  const languages = approved.map((v) => v.language);
  const fallback = languages.includes("en_US") ? "en_US" : (languages[0] ?? "");
  const language = t.language ?? routeLanguage(locale, languages, fallback);
  const version = approved.find((v) => v.language === language);
  if (!version) {
    const named = versions.find((v) => v.language === language);
    const message = named
      ? `The ${language} version of “${t.name}” is ${named.status.toLowerCase()}, not approved by Meta: it cannot be sent.`
      : `“${t.name}” has no approved ${language || "language"} version.${languages.length ? ` Approved: ${languages.join(", ")}.` : " None of its versions is approved yet."}`;
    throw refuse("template_not_approved", message, t.language ? "template.language" : "template.name");
  }
  return version;
}

/** The Cloud API body, rendered through the campaigns' renderer from the caller's values (all constants). */
function renderRequest(
  version: Version,
  t: NonNullable<SendMessageBody["template"]>,
  contact: { phone: string | null; bsuid: string | null },
): SendMessageRequest {
  // The API has no field for a carousel's card files or an offer's end yet: campaigns send those.
  if (carouselCards(version.components).length || offerExpires(version.components))
    throw new ApiProblem(
      422,
      `“${version.name}” is a carousel or a limited-time offer: send it in a campaign, which names each card's file and the offer's end.`,
      "validation",
      { errors: [{ field: "template.name", message: "Not sendable through the API yet." }] },
    );
  const constant = (value: string): Variable => ({ source: "constant", value, fallback: "" });
  const variables: Record<string, Variable> = {};
  const slots = new Set(templateSlots(version.components).map((s) => s.key));
  const extra: string[] = [];
  const set = (key: string, value: string, field: string) =>
    slots.has(key) ? (variables[key] = constant(value)) : extra.push(field);
  if (t.variables?.header !== undefined) set("header", t.variables.header, "template.variables.header");
  const body = t.variables?.body;
  if (Array.isArray(body)) body.forEach((value, i) => set(`body:${i + 1}`, value, `template.variables.body.${i}`));
  else if (body)
    for (const [name, value] of Object.entries(body)) set(`body:${name}`, value, `template.variables.body.${name}`);
  for (const b of t.buttons ?? []) {
    const value = b.urlSuffix ?? b.couponCode;
    if (value !== undefined) set(`button:${b.index}`, value, `template.buttons.${b.index}`);
    if (b.payload !== undefined) set(`payload:${b.index}`, b.payload, `template.buttons.${b.index}.payload`);
  }
  if (extra.length) {
    throw new ApiProblem(
      422,
      `“${version.name}” (${version.language}) has no place for ${extra.join(", ")}.`,
      "validation",
      {
        errors: extra.map((field) => ({ field, message: "The template has no such variable or button parameter." })),
      },
    );
  }
  try {
    return renderTemplateMessage({
      version,
      mapping: { variables },
      contact: { phone: contact.phone, bsuid: contact.bsuid, name: null, locale: null, attributes: {} },
      headerMediaLink: t.headerMedia?.link ?? null,
      callbackData: "",
    });
  } catch (error) {
    if (!(error instanceof MissingValueError)) throw error;
    const field = fieldOfSlot(error.slot);
    throw new ApiProblem(
      422,
      `“${version.name}” (${version.language}) needs a value for ${field}.`,
      "missing_variable",
      {
        errors: [{ field, message: "Required by the template." }],
      },
    );
  }
}

function fieldOfSlot(slot: string): string {
  if (slot === "header media") return "template.headerMedia";
  if (slot === "header") return "template.variables.header";
  const [kind, name] = slot.split(":");
  if (kind === "body")
    return /^\d+$/.test(name!) ? `template.variables.body.${Number(name) - 1}` : `template.variables.body.${name}`;
  return `template.buttons.${name}`;
}

/** One transactional message of the workspace, with every status Meta reported. */
export async function readMessage(workspaceId: string, id: string) {
  const [message] = await run<MessageRow>(
    pgPool(),
    Prisma.sql`SELECT ${MESSAGE_COLUMNS}, c.phone FROM "Message" m JOIN "Contact" c ON c.id = m."contactId"
      WHERE m.id = ${id} AND m."workspaceId" = ${workspaceId} AND m.origin = 'api'`,
  );
  if (!message) throw new NotFoundError("message");
  const history = await db.messageStatusEvent.findMany({
    where: { workspaceId, OR: [{ messageId: id }, ...(message.wamid ? [{ wamid: message.wamid }] : [])] },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { status: true, occurredAt: true, errorCode: true, errorTitle: true },
  });
  return {
    ...messageResource(message),
    history: history.map((h) => ({
      status: h.status,
      at: h.occurredAt.toISOString(),
      errorCode: h.errorCode,
      errorTitle: h.errorTitle,
    })),
  };
}

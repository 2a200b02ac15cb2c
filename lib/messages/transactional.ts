// Transactional messages through the public API: one person, now. Accepting one checks everything that
// can be known before sending (the contact, an approved template and its variables, the consent rule,
// the marketing cap, the 24-hour window for a session message) and queues a Message row (origin "api")
// with its Cloud API body; the dispatcher sends it like a campaign's (lib/dispatch), consent checked again
// at the claim. With an Idempotency-Key, the key is taken in the same transaction as the message, so two
// concurrent calls with one key queue one message and both get its answer.
import "server-only";
import { createHash } from "node:crypto";
import type { SendMessageBody } from "@/lib/api/operations/messages";
import { ApiProblem } from "@/lib/api/handler";
import { recentMarketingSql } from "@/lib/campaigns/audience";
import { quietDelayMs } from "@/lib/campaigns/quiet-hours";
import {
  MissingValueError,
  renderTemplateMessage,
  routeLanguage,
  templateSlots,
  type TemplateVersion,
} from "@/lib/campaigns/render";
import { quietHoursSchema, type Variable } from "@/lib/campaigns/schemas";
import { consentRefusalMessage, consentRefusalSql } from "@/lib/consent/eligibility";
import { normalisePhone } from "@/lib/contacts/phone";
import { db, Prisma } from "@/lib/db/client";
import type { TemplateCategory } from "@/lib/db/generated/enums";
import { DISPATCH_CHANNEL } from "@/lib/dispatch/channel";
import { NotFoundError } from "@/lib/errors";
import { windowState } from "@/lib/inbox/schemas";
import type { SendMessageRequest } from "@/lib/whatsapp/schemas";

type Tx = Prisma.TransactionClient;

const refuse = (code: string, message: string, field?: string) =>
  new ApiProblem(422, message, code, field ? { errors: [{ field, message }] } : {});

const MESSAGE_SELECT = {
  id: true,
  state: true,
  contactId: true,
  request: true,
  category: true,
  callbackData: true,
  nextAttemptAt: true,
  createdAt: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  failedAt: true,
  errorCode: true,
  errorReason: true,
  skipReason: true,
  wamid: true,
  contact: { select: { phone: true } },
} satisfies Prisma.MessageSelect;
type MessageRow = Prisma.MessageGetPayload<{ select: typeof MESSAGE_SELECT }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A message as the API shows it. */
export function messageResource(m: MessageRow) {
  const request = m.request as { type?: string; template?: { name: string; language: { code: string } } } | null;
  return {
    id: m.id,
    status: (m.state === "CLAIMED" ? "sending" : m.state.toLowerCase()) as "queued",
    contactId: m.contactId,
    to: m.contact.phone,
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
        ? { code: m.errorCode, reason: m.errorReason ?? m.skipReason ?? "unknown" }
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
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  return db.$transaction(async (tx) => {
    if (idempotencyKey) {
      // A concurrent call with the same key waits here until the first one's transaction ends.
      const taken = await tx.$executeRaw`
        INSERT INTO "ApiIdempotency" ("workspaceId", key, "requestHash", status, response)
        VALUES (${workspaceId}, ${idempotencyKey}, ${requestHash}, 0, '{}') ON CONFLICT DO NOTHING`;
      if (!taken) {
        const first = await tx.apiIdempotency.findUniqueOrThrow({
          where: { workspaceId_key: { workspaceId, key: idempotencyKey } },
        });
        if (first.requestHash !== requestHash) {
          throw new ApiProblem(
            409,
            "This Idempotency-Key was already used with a different body. Use a new key for a new message.",
            "idempotency_key_reused",
          );
        }
        return { status: first.status, body: first.response, replayed: true };
      }
    }
    const body = messageResource(await queueMessage(tx, workspaceId, apiKeyId, input));
    if (idempotencyKey) {
      await tx.apiIdempotency.update({
        where: { workspaceId_key: { workspaceId, key: idempotencyKey } },
        data: { status: 202, response: body },
      });
    }
    return { status: 202, body, replayed: false };
  });
}

async function queueMessage(
  tx: Tx,
  workspaceId: string,
  apiKeyId: string,
  input: SendMessageBody,
): Promise<MessageRow> {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      defaultCountry: true,
      timeZone: true,
      quietHours: true,
      marketingCapPer7Days: true,
      whatsAppAccount: { select: { id: true } },
    },
  });
  if (!workspace.whatsAppAccount) {
    throw new ApiProblem(
      409,
      "This workspace has no WhatsApp connection yet. An admin connects one in Settings → WhatsApp.",
      "no_whatsapp_connection",
    );
  }
  const contact = await findContact(tx, workspaceId, workspace.defaultCountry, input);
  if (contact.unreachable) {
    throw refuse(
      "not_on_whatsapp",
      `Not sent: ${contact.phone} is not on WhatsApp (Meta answered 131026 to an earlier message).`,
      input.to ? "to" : "contactId",
    );
  }

  let request: SendMessageRequest;
  let category: TemplateCategory | null = null;
  let templateId: string | null = null;
  if (input.template) {
    const version = await pickTemplate(tx, workspaceId, input.template, contact.locale);
    category = version.category;
    templateId = version.id;
    request = renderRequest(version, input.template, contact.phone);
    const refusal = await refusalFor(tx, contact.id, category, workspace.marketingCapPer7Days);
    if (refusal) throw refusal;
  } else {
    const conversation = await tx.conversation.findUnique({
      where: { contactId: contact.id },
      select: { lastInboundAt: true },
    });
    if (!windowState(conversation?.lastInboundAt ?? null).open) {
      throw refuse(
        "outside_window",
        "Not sent: a session message can only go within 24 hours of the person's last message to you. Send an approved template instead.",
        "text",
      );
    }
    request = {
      messaging_product: "whatsapp",
      to: contact.phone,
      type: "text",
      text: { body: input.text!.body, preview_url: input.text!.previewUrl },
    };
  }

  const quiet = input.respectQuietHours
    ? quietDelayMs(
        new Date(),
        contact.timeZone ?? workspace.timeZone,
        quietHoursSchema.safeParse(workspace.quietHours).data,
      )
    : 0;
  const message = await tx.message.create({
    data: {
      workspaceId,
      contactId: contact.id,
      origin: "api",
      templateId,
      category,
      request: request as Prisma.InputJsonValue,
      callbackData: input.callbackData ?? null,
      apiKeyId,
      nextAttemptAt: new Date(Date.now() + quiet),
    },
    select: MESSAGE_SELECT,
  });
  await tx.$executeRaw`SELECT pg_notify(${DISPATCH_CHANNEL}, 'api')`;
  return message;
}

async function findContact(tx: Tx, workspaceId: string, defaultCountry: string, input: SendMessageBody) {
  const select = { id: true, phone: true, locale: true, timeZone: true, unreachable: true };
  if (input.contactId) {
    const contact = await tx.contact.findFirst({ where: { id: input.contactId, workspaceId }, select });
    if (!contact) throw refuse("contact_not_found", "No contact with this id in this workspace.", "contactId");
    return contact;
  }
  const phone = normalisePhone(input.to!, defaultCountry);
  if (!phone.ok)
    throw refuse("invalid_phone", `“${input.to}” is not a phone number WhatsApp can reach: ${phone.reason}.`, "to");
  const contact = await tx.contact.findUnique({
    where: { workspaceId_phone: { workspaceId, phone: phone.e164 } },
    select,
  });
  if (!contact) {
    throw refuse(
      "contact_not_found",
      `No contact with the number ${phone.e164}. Create it (PUT /contacts) and record its opt-in (POST /contacts/{id}/consent) first: WhatsApp messages need the person's consent.`,
      "to",
    );
  }
  return contact;
}

type Version = TemplateVersion & { id: string; category: TemplateCategory };

async function pickTemplate(
  tx: Tx,
  workspaceId: string,
  t: NonNullable<SendMessageBody["template"]>,
  locale: string | null,
): Promise<Version> {
  const versions = await tx.template.findMany({
    where: { workspaceId, name: t.name },
    select: {
      id: true,
      name: true,
      language: true,
      components: true,
      parameterFormat: true,
      category: true,
      status: true,
    },
  });
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
  phone: string,
): SendMessageRequest {
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
      contact: { phone, name: null, locale: null, attributes: {} },
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

/** Why this contact may not get a template of this category now (lib/consent's rule, the marketing cap), or null. */
async function refusalFor(
  tx: Tx,
  contactId: string,
  category: TemplateCategory,
  cap: number | null,
): Promise<ApiProblem | null> {
  const [row] = await tx.$queryRaw<{ refusal: "no_consent" | "opted_out" | null; phone: string; recent: bigint }[]>`
    SELECT ${consentRefusalSql(Prisma.sql`c.id`, category)} AS refusal, c.phone,
      ${category === "MARKETING" && cap !== null ? recentMarketingSql(Prisma.sql`c.id`) : Prisma.sql`0::bigint`} AS recent
    FROM "Contact" c WHERE c.id = ${contactId}`;
  if (!row) throw new NotFoundError("That contact");
  if (row.refusal)
    return refuse(`consent_${row.refusal}`, consentRefusalMessage(row.refusal, category, row.phone), "to");
  if (category === "MARKETING" && row.phone.startsWith("+1")) {
    return refuse(
      "us_marketing_block",
      "Not sent: Meta does not deliver marketing templates to US (+1) numbers.",
      "to",
    );
  }
  if (cap !== null && Number(row.recent) >= cap) {
    return refuse(
      "frequency_cap",
      `Not sent: this person already received ${cap} marketing messages in the last 7 days, the workspace's cap.`,
      "to",
    );
  }
  return null;
}

/** One transactional message of the workspace, with every status Meta reported. */
export async function readMessage(workspaceId: string, id: string) {
  const message = await db.message.findFirst({ where: { id, workspaceId, origin: "api" }, select: MESSAGE_SELECT });
  if (!message) throw new NotFoundError("That message");
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

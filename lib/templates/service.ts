// Templates: drafts saved as the builder's input, submitted to Meta (or the sandbox) for review, and
// edited within Meta's limits. Status changes arrive by webhook (lib/webhooks/apply-account-events.ts).
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { db, Prisma } from "@/lib/db/client";
import { TemplateCategory, TemplateStatus } from "@/lib/db/generated/enums";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { readMedia } from "@/lib/media/service";
import { clientFor } from "@/lib/whatsapp/accounts";
import { WhatsAppApiError } from "@/lib/whatsapp/client";
import type { CreateTemplateRequest } from "@/lib/whatsapp/schemas";
import { toCreateTemplateRequest } from "./payload";
import { EMPTY_TEMPLATE, templateInputSchema, type TemplateInput } from "./schemas";
import { fromMetaComponents } from "./from-meta";

/** Meta: an approved template may be edited 10 times in 30 days, and once in 24 hours. */
export const EDITS_PER_30_DAYS = 10;
const DAY_MS = 86_400_000;

const EDITABLE = new Set(["DRAFT", "REJECTED", "APPROVED", "PAUSED"]);

export async function getTemplateOrThrow(workspaceId: string, id: string) {
  const template = await db.template.findFirst({
    where: { id, workspaceId },
    select: {
      id: true,
      name: true,
      language: true,
      category: true,
      status: true,
      quality: true,
      rejectionReason: true,
      metaTemplateId: true,
      components: true,
      draft: true,
      parameterFormat: true,
      updatedAt: true,
      submittedAt: true,
    },
  });
  if (!template) throw new NotFoundError();
  return template;
}

/** The builder's view of a template: its draft, or its submitted components read back. */
export async function getTemplateForBuilder(workspaceId: string, id: string) {
  const t = await getTemplateOrThrow(workspaceId, id);
  const input: TemplateInput = t.draft
    ? { ...EMPTY_TEMPLATE, ...(t.draft as Partial<TemplateInput>) }
    : fromMetaComponents({
        name: t.name,
        language: t.language,
        category: t.category,
        parameterFormat: t.parameterFormat,
        components: t.components,
      });
  return { ...t, input, editsLeft: t.status === "APPROVED" ? await editsLeft(workspaceId, t.id) : null };
}

async function editsLeft(workspaceId: string, templateId: string) {
  const edits = await db.auditLog.findMany({
    where: {
      workspaceId,
      targetId: templateId,
      action: "template.edited",
      createdAt: { gte: new Date(Date.now() - 30 * DAY_MS) },
    },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const last = edits[0]?.createdAt;
  return {
    in30Days: Math.max(0, EDITS_PER_30_DAYS - edits.length),
    nextEditAt: last && Date.now() - last.getTime() < DAY_MS ? new Date(last.getTime() + DAY_MS) : null,
  };
}

/** Saves the builder's input as it is (a draft may be incomplete); returns the template's id. */
export async function saveDraft(
  workspaceId: string,
  actorId: string,
  input: TemplateInput,
  id?: string,
): Promise<string> {
  const data = {
    name: input.name,
    language: input.language,
    category: input.category,
    parameterFormat: input.parameterFormat,
    draft: input as unknown as Prisma.InputJsonValue,
  };
  try {
    if (id) {
      const existing = await getTemplateOrThrow(workspaceId, id);
      if (!EDITABLE.has(existing.status))
        throw new ValidationError(messageKey("templates.errors.notEditable", { status: existing.status }));
      // Once submitted, the name and language are Meta's key: they stay.
      const keep = existing.metaTemplateId ? { name: existing.name, language: existing.language } : {};
      await db.template.update({ where: { id }, data: { ...data, ...keep } });
      return id;
    }
    const created = await db.template.create({ data: { ...data, workspaceId, components: [], status: "DRAFT" } });
    await recordAudit(workspaceId, actorId, {
      action: "template.created",
      targetType: "template",
      targetId: created.id,
      details: { name: input.name },
    });
    return created.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(messageKey("templates.errors.nameTaken", { name: input.name, language: input.language }));
    }
    throw error;
  }
}

function metaError(error: unknown): never {
  if (error instanceof WhatsAppApiError) {
    throw new ValidationError(messageKey("templates.errors.metaRefused", { reason: error.details ?? error.message }));
  }
  throw error;
}

/** Sends the saved draft for Meta's review: a new template, or an edit of one Meta already holds. */
export async function submitTemplate(workspaceId: string, actorId: string, id: string) {
  const template = await getTemplateForBuilder(workspaceId, id);
  const parsed = templateInputSchema.safeParse(template.input);
  if (!parsed.success) {
    // The first problem, as the builder shows it next to its field (a message key naming the field).
    throw new ValidationError(parsed.error.issues[0]?.message ?? messageKey("templates.errors.notReady"));
  }
  if (template.status === "APPROVED") {
    const left = template.editsLeft!;
    if (left.nextEditAt)
      throw new ValidationError(messageKey("templates.errors.editTooSoon", { time: left.nextEditAt.toISOString() }));
    if (left.in30Days === 0) throw new ValidationError(messageKey("templates.errors.editLimit"));
  } else if (!EDITABLE.has(template.status)) {
    throw new ValidationError(messageKey("templates.errors.notSubmittable", { status: template.status }));
  }
  const client = await clientFor(workspaceId);
  if (!client) throw new ValidationError(messageKey("templates.errors.noAccount"));
  let metaTemplateId = template.metaTemplateId;
  let payload: CreateTemplateRequest;
  try {
    const { header, format, cards } = parsed.data;
    // Media samples (the header's, or each card's) go to Meta first; the template refers to them by the
    // handles Meta returns.
    const upload = (mediaAssetId: string) =>
      readMedia(workspaceId, mediaAssetId).then((file) =>
        client.uploadHeaderHandle({ bytes: file.bytes, mimeType: file.mimeType, fileName: file.fileName }),
      );
    const handle =
      format !== "CAROUSEL" && (header.type === "IMAGE" || header.type === "VIDEO" || header.type === "DOCUMENT")
        ? await upload(header.mediaAssetId)
        : undefined;
    const cardHandles = format === "CAROUSEL" ? await Promise.all(cards.map((card) => upload(card.mediaAssetId))) : [];
    payload = toCreateTemplateRequest(parsed.data, handle, cardHandles);
    if (metaTemplateId) {
      await client.editTemplate(metaTemplateId, {
        components: payload.components,
        ...(template.status === "APPROVED" ? {} : { category: payload.category }),
        ...(payload.message_send_ttl_seconds ? { message_send_ttl_seconds: payload.message_send_ttl_seconds } : {}),
      });
    } else {
      metaTemplateId = (await client.createTemplate(payload)).id;
    }
  } catch (error) {
    metaError(error);
  }
  await db.template.update({
    where: { id },
    data: {
      status: "PENDING",
      rejectionReason: null,
      metaTemplateId,
      components: payload.components as Prisma.InputJsonValue,
      submittedAt: new Date(),
      ...(template.status === "APPROVED" ? { lastEditedAt: new Date() } : {}),
    },
  });
  await recordAudit(workspaceId, actorId, {
    action: template.status === "APPROVED" ? "template.edited" : "template.submitted",
    targetType: "template",
    targetId: id,
    details: { name: template.name, language: template.language },
  });
}

export async function templateStatus(workspaceId: string, id: string) {
  const t = await getTemplateOrThrow(workspaceId, id);
  return { status: t.status, rejectionReason: t.rejectionReason, quality: t.quality, category: t.category };
}

/** A copy as a new draft, named <name>_copy (or _copy_2, …), in the same language. */
export async function duplicateTemplate(workspaceId: string, actorId: string, id: string): Promise<string> {
  const source = await getTemplateForBuilder(workspaceId, id);
  const taken = new Set(
    (
      await db.template.findMany({
        where: { workspaceId, name: { startsWith: `${source.name}_copy` } },
        select: { name: true },
      })
    ).map((t) => t.name),
  );
  let name = `${source.name}_copy`;
  for (let n = 2; taken.has(name); n++) name = `${source.name}_copy_${n}`;
  return saveDraft(workspaceId, actorId, { ...source.input, name: name.slice(0, 512) });
}

/**
 * Deletes one language version. A draft Meta never saw is removed; a submitted one is deleted at Meta and
 * kept here as DELETED (its name stays blocked at Meta for 30 days).
 */
export async function deleteTemplate(workspaceId: string, actorId: string, id: string) {
  const template = await getTemplateOrThrow(workspaceId, id);
  if (template.metaTemplateId) {
    const client = await clientFor(workspaceId);
    if (!client) throw new ValidationError(messageKey("templates.errors.noAccount"));
    try {
      await client.deleteTemplate(template.name, template.metaTemplateId);
    } catch (error) {
      metaError(error);
    }
    await db.template.update({ where: { id }, data: { status: "DELETED" } });
  } else {
    await db.template.delete({ where: { id } });
  }
  await recordAudit(workspaceId, actorId, {
    action: "template.deleted",
    targetType: "template",
    targetId: id,
    details: { name: template.name, language: template.language },
  });
}

const isStatus = (value: string): value is TemplateStatus => value !== "DRAFT" && Object.hasOwn(TemplateStatus, value);
const isCategory = (value: string): value is TemplateCategory => Object.hasOwn(TemplateCategory, value);

/** Brings in the templates that already exist on the WhatsApp account (all pages); returns how many. */
export async function importTemplates(workspaceId: string, actorId: string): Promise<number> {
  const client = await clientFor(workspaceId);
  if (!client) throw new ValidationError(messageKey("templates.errors.noAccount"));
  let imported = 0;
  let after: string | undefined;
  try {
    do {
      const page = await client.listTemplates({ after });
      for (const t of page.data) {
        const fields = {
          category: isCategory(t.category) ? t.category : TemplateCategory.MARKETING,
          status: isStatus(t.status) ? t.status : TemplateStatus.PENDING,
          components: (t.components ?? []) as Prisma.InputJsonValue,
          quality: t.quality_score?.score ?? null,
          rejectionReason: t.rejected_reason && t.rejected_reason !== "NONE" ? t.rejected_reason : null,
          metaTemplateId: t.id,
          parameterFormat: t.parameter_format ?? "POSITIONAL",
          draft: Prisma.DbNull,
        };
        await db.template.upsert({
          where: { workspaceId_name_language: { workspaceId, name: t.name, language: t.language } },
          create: { workspaceId, name: t.name, language: t.language, ...fields },
          update: fields,
        });
        imported++;
      }
      after = page.paging?.next ? page.paging.cursors?.after : undefined;
    } while (after);
  } catch (error) {
    metaError(error);
  }
  await recordAudit(workspaceId, actorId, {
    action: "template.imported",
    targetType: "template",
    details: { count: imported },
  });
  return imported;
}

/** A new language version of the same template: a draft with the same name and content to translate. */
export async function addLanguage(
  workspaceId: string,
  actorId: string,
  id: string,
  language: TemplateInput["language"],
) {
  const source = await getTemplateForBuilder(workspaceId, id);
  return saveDraft(workspaceId, actorId, { ...source.input, language });
}

/** The other language versions of a template (same name). */
export async function languageVersions(workspaceId: string, name: string) {
  return db.template.findMany({
    where: { workspaceId, name, status: { not: "DELETED" } },
    orderBy: { language: "asc" },
    select: { id: true, language: true, status: true },
  });
}

// Flow changes: a draft is created (from a starter), saved, published through Meta's Flows API (created
// there as a draft, its JSON uploaded and checked by Meta, then published: final), retired, duplicated into
// a new draft, or deleted while a draft. A published flow's JSON never changes: answers are read against it.
import "server-only";
import type { CurrentUser } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit/service";
import { db, Prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { clientFor } from "@/lib/whatsapp/accounts";
import { WhatsAppApiError } from "@/lib/whatsapp/client";
import { flowProblems, problemsFromMeta, questionsOf, type FlowCategory } from "./flow-json";
import { endpointUrl } from "./endpoint-keys";
import { usesEndpoint } from "./send";
import type { FlowStarterId } from "./starter-ids";
import { flowStarter, starterJson } from "./starters";

export type FlowSettings = {
  name: string;
  category: FlowCategory;
  json: unknown;
  /** Answers copied onto the contact's attributes: { field name: attribute key }. */
  attributeMap: Record<string, string>;
  consentListId: string | null;
  optInField: string | null;
};

const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const nameTaken = (error: unknown, name: string) => {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new ConflictError(messageKey("flows.errors.nameTaken", { name }));
  throw error;
};

export async function createFlow(user: CurrentUser, name: string, starter: FlowStarterId): Promise<{ id: string }> {
  const { category, optInField } = flowStarter(starter);
  // A sign-up form records consent to the workspace's first marketing list (changeable before publishing).
  const list = optInField
    ? await db.consentList.findFirst({
        where: { workspaceId: user.workspaceId, category: "MARKETING" },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      })
    : null;
  return db.flow
    .create({
      data: {
        workspaceId: user.workspaceId,
        name,
        category,
        json: starterJson(starter) as Prisma.InputJsonValue,
        optInField,
        consentListId: list?.id ?? null,
        createdById: user.userId,
      },
      select: { id: true },
    })
    .catch((error: unknown) => nameTaken(error, name));
}

async function find(user: CurrentUser, id: string) {
  const flow = await db.flow.findFirst({ where: { id, workspaceId: user.workspaceId } });
  if (!flow) throw new NotFoundError();
  return flow;
}

/** What is wrong with a flow's settings beyond its JSON: attribute keys, the opt-in box and its list. */
async function settingsProblems(workspaceId: string, settings: FlowSettings): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  const names = new Set(questionsOf(settings.json).map((q) => q.name));
  for (const key of Object.values(settings.attributeMap))
    if (!ATTRIBUTE_KEY.test(key)) errors.attributeMap = [messageKey("flows.errors.attributeKey")];
  if (settings.consentListId) {
    const optIn = questionsOf(settings.json).find((q) => q.name === settings.optInField && q.type === "OptIn");
    if (!optIn) errors.optInField = [messageKey("flows.errors.optInField")];
    const list = await db.consentList.findFirst({
      where: { id: settings.consentListId, workspaceId },
      select: { id: true },
    });
    if (!list) errors.consentListId = [messageKey("flows.errors.listMissing")];
  }
  for (const field of Object.keys(settings.attributeMap))
    if (!names.has(field)) errors.attributeMap = [messageKey("flows.errors.attributeKey")];
  return errors;
}

/** Saves a draft as it is (its JSON may still have problems: the builder shows them; publishing refuses them). */
export async function saveFlow(user: CurrentUser, id: string, settings: FlowSettings): Promise<void> {
  const flow = await find(user, id);
  if (flow.status !== "DRAFT") throw new ConflictError(messageKey("flows.errors.notEditable"));
  const errors = await settingsProblems(user.workspaceId, settings);
  if (Object.keys(errors).length) throw new ValidationError(Object.values(errors)[0]![0]!, errors);
  const { count } = await db.flow
    .updateMany({
      where: { id, status: "DRAFT" },
      data: {
        name: settings.name,
        category: settings.category,
        json: settings.json as Prisma.InputJsonValue,
        attributeMap: settings.attributeMap,
        consentListId: settings.consentListId,
        optInField: settings.consentListId ? settings.optInField : null,
      },
    })
    .catch((error: unknown) => nameTaken(error, settings.name));
  if (count === 0) throw new ConflictError(messageKey("flows.errors.notEditable"));
}

/**
 * Publishes a draft through the Flows API: created at Meta on the first try (its id kept at once, so a retry
 * after a failure does not create a second; an endpoint flow with the workspace's endpoint as its endpoint_uri), on
 * a retry its metadata brought up to date instead (Update Flow Metadata), the JSON uploaded, then published. Meta's
 * validation errors are kept on the flow and shown on the fields they name.
 */
export async function publishFlow(user: CurrentUser, id: string): Promise<void> {
  const flow = await find(user, id);
  if (flow.status !== "DRAFT") throw new ConflictError(messageKey("flows.errors.notEditable"));
  if (flowProblems(flow.json).length) throw new ValidationError(messageKey("flows.errors.hasProblems"));
  const client = await clientFor(user.workspaceId);
  if (!client) throw new ValidationError(messageKey("flows.errors.noConnection"));
  // An endpoint flow: Meta refuses to publish it without an endpoint and a registered key (139002); say which first.
  const endpoint = usesEndpoint(flow.json);
  if (endpoint) {
    const key = await db.flowEndpointKey.findUnique({
      where: { workspaceId: user.workspaceId },
      select: { registeredAt: true },
    });
    if (!key?.registeredAt) throw new ValidationError(messageKey("flows.errors.endpointKeyMissing"));
  }
  const metadata = {
    name: flow.name,
    categories: [flow.category],
    ...(endpoint ? { endpoint_uri: endpointUrl(user.workspaceId) } : {}),
  };
  try {
    let metaFlowId = flow.metaFlowId;
    if (!metaFlowId) {
      metaFlowId = (await client.createFlow(metadata)).id;
      await db.flow.update({ where: { id }, data: { metaFlowId } });
    } else {
      // Created at Meta by an earlier try, perhaps as a plain form or under another name or category since changed:
      // Meta's draft takes the flow's metadata now (an endpoint flow its endpoint_uri, without which it is refused).
      await client.updateFlowMetadata(metaFlowId, metadata);
    }
    const upload = await client.uploadFlowJson(metaFlowId, flow.json);
    const metaErrors = problemsFromMeta(upload.validation_errors ?? []);
    await db.flow.update({ where: { id }, data: { metaErrors: metaErrors as Prisma.InputJsonValue } });
    if (metaErrors.length)
      throw new ValidationError(messageKey("flows.errors.metaRefused", { detail: metaErrors[0]!.message }));
    await client.publishFlow(metaFlowId);
  } catch (error) {
    if (error instanceof WhatsAppApiError)
      throw new ValidationError(messageKey("flows.errors.metaRefused", { detail: error.details ?? error.message }));
    throw error;
  }
  await db.$transaction(async (tx) => {
    await tx.flow.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date(), metaErrors: [] } });
    await recordAudit(
      user.workspaceId,
      user.userId,
      { action: "flow.published", targetType: "flow", targetId: id, details: { name: flow.name } },
      tx,
    );
  });
}

/** Retires a published flow at Meta: it can no longer be sent or opened; its answers stay. */
export async function deprecateFlow(user: CurrentUser, id: string): Promise<void> {
  const flow = await find(user, id);
  if (flow.status !== "PUBLISHED" || !flow.metaFlowId) throw new ConflictError(messageKey("flows.errors.notPublished"));
  const client = await clientFor(user.workspaceId);
  if (!client) throw new ValidationError(messageKey("flows.errors.noConnection"));
  try {
    await client.deprecateFlow(flow.metaFlowId);
  } catch (error) {
    // Already retired at Meta (139003): the same end.
    if (!(error instanceof WhatsAppApiError && error.code === 139003))
      throw error instanceof WhatsAppApiError
        ? new ValidationError(messageKey("flows.errors.metaRefused", { detail: error.details ?? error.message }))
        : error;
  }
  await db.$transaction(async (tx) => {
    await tx.flow.update({ where: { id }, data: { status: "DEPRECATED" } });
    await recordAudit(
      user.workspaceId,
      user.userId,
      { action: "flow.deprecated", targetType: "flow", targetId: id, details: { name: flow.name } },
      tx,
    );
  });
}

/** A new draft with the same JSON and settings: how a published flow gets a next version. */
export async function duplicateFlow(user: CurrentUser, id: string): Promise<{ id: string }> {
  const flow = await find(user, id);
  const taken = new Set(
    (await db.flow.findMany({ where: { workspaceId: user.workspaceId }, select: { name: true } })).map((f) => f.name),
  );
  let n = 2;
  while (taken.has(`${flow.name} (${n})`)) n++;
  return db.flow.create({
    data: {
      workspaceId: user.workspaceId,
      name: `${flow.name} (${n})`,
      category: flow.category,
      json: flow.json as Prisma.InputJsonValue,
      attributeMap: flow.attributeMap as Prisma.InputJsonValue,
      consentListId: flow.consentListId,
      optInField: flow.optInField,
      createdById: user.userId,
    },
    select: { id: true },
  });
}

/** Deletes a draft (nobody can have answered it). */
export async function deleteFlow(user: CurrentUser, id: string): Promise<void> {
  const { count } = await db.flow.deleteMany({ where: { id, workspaceId: user.workspaceId, status: "DRAFT" } });
  if (count === 0) throw new ConflictError(messageKey("flows.errors.notDraft"));
}

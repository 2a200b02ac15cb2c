// Segments: saved rules, counted and previewed live while they are edited, evaluated again at launch.
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { db, Prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { segmentWhere } from "./compile";
import { EMPTY_RULES, segmentRulesSchema, type SegmentInput, type SegmentRules } from "./schemas";

export const PREVIEW_SIZE = 10;
/** How many of the newest contacts a preview looks through before it looks through them all. */
const PREVIEW_WINDOW = 20_000;

// A contact merged into another is kept only for its history: it is not a person, so no count or preview
// includes it (the campaign audience and the journey triggers leave it out too).
export async function countSegment(workspaceId: string, rules: SegmentRules): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Contact" c
    WHERE c."workspaceId" = ${workspaceId} AND c."mergedIntoId" IS NULL AND ${segmentWhere(rules)}`;
  return row?.n ?? 0;
}

/**
 * What the segment page shows as rules change: how many, and the newest ten. Most segments have ten among the
 * newest contacts, found along the createdAt index in a few milliseconds; so those are looked through first,
 * beside the count. When they hold fewer, the count tells whether they are all there is (none at all, as while
 * a rule is being typed, or a few new people); only when more are older is every contact scanned again, in
 * parallel, keeping the newest ten (ordering by an expression keeps the planner off an index walk, which would
 * read the whole table one row at a time: over a second at 1,000,000 contacts).
 */
export async function segmentPreview(workspaceId: string, rules: SegmentRules) {
  type Row = { id: string; name: string | null; phone: string | null; createdAt: Date };
  const where = segmentWhere(rules);
  const [count, newest] = await Promise.all([
    countSegment(workspaceId, rules),
    db.$queryRaw<Row[]>`
      SELECT c.id, c.name, c.phone, c."createdAt" FROM (
        SELECT * FROM "Contact" WHERE "workspaceId" = ${workspaceId} AND "mergedIntoId" IS NULL
        ORDER BY "createdAt" DESC, id LIMIT ${PREVIEW_WINDOW}
      ) c
      WHERE ${where}
      ORDER BY c."createdAt" DESC, c.id LIMIT ${PREVIEW_SIZE}`,
  ]);
  if (newest.length === PREVIEW_SIZE || newest.length >= count) return { count, contacts: newest };
  const contacts = await db.$queryRaw<Row[]>`
    SELECT c.id, c.name, c.phone, c."createdAt" FROM "Contact" c
    WHERE c."workspaceId" = ${workspaceId} AND c."mergedIntoId" IS NULL AND ${where}
    ORDER BY c."createdAt" + interval '0 seconds' DESC, c.id LIMIT ${PREVIEW_SIZE}`;
  return { count, contacts };
}

export async function listSegments(workspaceId: string) {
  const segments = await db.segment.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, rules: true, updatedAt: true },
  });
  return Promise.all(
    segments.map(async (s) => {
      // Rules saved before a check existed may no longer parse: the list shows "Rules need fixing" for them
      // instead of failing for every segment.
      const rules = segmentRulesSchema.safeParse(s.rules);
      return {
        id: s.id,
        name: s.name,
        updatedAt: s.updatedAt,
        count: rules.success ? await countSegment(workspaceId, rules.data) : null,
      };
    }),
  );
}

export async function getSegment(workspaceId: string, id: string) {
  const segment = await db.segment.findFirst({
    where: { id, workspaceId },
    select: { id: true, name: true, rules: true },
  });
  if (!segment) throw new NotFoundError("segment");
  // Rules that no longer parse open as an empty rule to fix (or the segment to delete), not as an error page.
  const rules = segmentRulesSchema.safeParse(segment.rules);
  return { ...segment, rules: rules.success ? rules.data : EMPTY_RULES, rulesNeedFixing: !rules.success };
}

export async function saveSegment(workspaceId: string, actorId: string, input: SegmentInput): Promise<{ id: string }> {
  const clash = await db.segment.findFirst({
    where: { workspaceId, name: input.name, NOT: input.id ? { id: input.id } : undefined },
    select: { id: true },
  });
  if (clash) throw new ConflictError(messageKey("audiences.errors.segment.nameTaken", { name: input.name }));
  const rules = input.rules as Prisma.InputJsonValue;
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    let id = input.id;
    if (id) {
      const { count } = await tx.segment.updateMany({ where: { id, workspaceId }, data: { name: input.name, rules } });
      if (count === 0) throw new NotFoundError("segment");
    } else {
      id = (await tx.segment.create({ data: { workspaceId, name: input.name, rules }, select: { id: true } })).id;
    }
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: input.id ? "segment.updated" : "segment.created",
        targetType: "segment",
        targetId: id,
        details: { name: input.name },
      },
      tx,
    );
    return { id };
  });
}

export async function deleteSegment(workspaceId: string, actorId: string, id: string) {
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    // A campaign that has not started reads its segments at launch: deleting one under it would change
    // who it reaches without anyone deciding so. Campaigns that started keep their recipients already.
    const users = await tx.$queryRaw<{ name: string }[]>`
      SELECT name FROM "Campaign"
      WHERE "workspaceId" = ${workspaceId} AND status IN ('DRAFT', 'AWAITING_APPROVAL', 'SCHEDULED')
        AND (audience -> 'segmentIds' ? ${id} OR audience -> 'excludeSegmentIds' ? ${id})
      ORDER BY name LIMIT 3`;
    if (users.length) {
      throw new ConflictError(
        messageKey("audiences.errors.segment.usedByCampaigns", {
          count: users.length,
          names: users.map((u) => u.name).join(", "),
        }),
      );
    }
    const { count } = await tx.segment.deleteMany({ where: { id, workspaceId } });
    if (count === 0) throw new NotFoundError("segment");
    await recordAudit(workspaceId, actorId, { action: "segment.deleted", targetType: "segment", targetId: id }, tx);
  });
}

/**
 * The custom attribute names contacts carry, for the rule builder's suggestions. Read from the newest 5,000
 * contacts so the page stays fast on a large audience; older, rarer names can still be typed.
 */
async function attributeKeys(workspaceId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT k AS key
    FROM (
      SELECT "attributes" FROM "Contact"
      WHERE "workspaceId" = ${workspaceId} AND jsonb_typeof("attributes") = 'object'
      ORDER BY "createdAt" DESC
      LIMIT 5000
    ) c, jsonb_object_keys(c."attributes") AS k
    ORDER BY k
    LIMIT 200`;
  return rows.map((r) => r.key);
}

/** What the rule builder offers to choose from: consent lists, campaigns that have sent, attribute names. */
export async function segmentChoices(workspaceId: string) {
  const [lists, campaigns, attributes] = await Promise.all([
    db.consentList.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.campaign.findMany({
      where: { workspaceId, launchedAt: { not: null } },
      orderBy: { launchedAt: "desc" },
      take: 200,
      select: { id: true, name: true },
    }),
    attributeKeys(workspaceId),
  ]);
  return { lists, campaigns, attributes };
}

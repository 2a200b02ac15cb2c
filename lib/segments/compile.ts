// Segment rules → one SQL condition over "Contact" c. Every value is a bound parameter; column names come
// from the fixed table below. Counting, previewing and launching a campaign all use this one translation.
import "server-only";
import { Prisma } from "@/lib/db/client";
import { listValues, type SegmentCondition, type SegmentRules } from "./schemas";

const COLUMNS = { name: Prisma.raw(`c."name"`), phone: Prisma.raw(`c."phone"`), locale: Prisma.raw(`c."locale"`), timeZone: Prisma.raw(`c."timeZone"`) };

const STAGES = {
  received: { done: Prisma.raw(`m."deliveredAt" IS NOT NULL`), at: Prisma.raw(`m."deliveredAt"`) },
  read: { done: Prisma.raw(`m."readAt" IS NOT NULL`), at: Prisma.raw(`m."readAt"`) },
  clicked: { done: Prisma.raw(`m."clickedButton" IS NOT NULL`), at: Prisma.raw(`m."repliedAt"`) },
  replied: { done: Prisma.raw(`m."repliedAt" IS NOT NULL`), at: Prisma.raw(`m."repliedAt"`) },
} as const;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The condition as it reads for the people it keeps; negations keep those without a value too. */
function conditionSql(c: SegmentCondition): Prisma.Sql {
  switch (c.field) {
    case "attribute":
    case "name":
    case "phone":
    case "locale":
    case "timeZone": {
      const column = c.field === "attribute" ? Prisma.sql`(c."attributes" ->> ${c.key!})` : COLUMNS[c.field];
      const value = c.value ?? "";
      // "is" and "is one of" compare exactly (twice as fast over a million rows as folding case);
      // "contains" ignores case, as a search does.
      const positive: Record<string, Prisma.Sql> = {
        equals: Prisma.sql`${column} = ${value}`,
        contains: Prisma.sql`lower(${column}) LIKE ${likePattern(value.toLowerCase())}`,
        in: Prisma.sql`${column} = ANY(${listValues(value)}::text[])`,
        empty: Prisma.sql`COALESCE(${column}, '') = ''`,
      };
      const [base, negated] = c.op.startsWith("not_") ? [c.op.slice(4), true] : [c.op, false];
      return negated ? Prisma.sql`NOT COALESCE(${positive[base]!}, false)` : positive[base]!;
    }
    case "tag": {
      const has = Prisma.sql`c."tags" @> ARRAY[${(c.value ?? "").toLowerCase()}]::text[]`;
      return c.op === "has" ? has : Prisma.sql`NOT (${has})`;
    }
    case "consent": {
      // The contact's own copy of its consent (kept by a trigger on ContactConsent): no join per count.
      const optedIn = Prisma.sql`${c.listId!} = ANY(c."optedInListIds")`;
      return c.op === "opted_in" ? optedIn : Prisma.sql`NOT ${optedIn}`;
    }
    case "created":
      if (c.op === "after") return Prisma.sql`c."createdAt" >= ${new Date(`${c.value}T00:00:00Z`)}`;
      if (c.op === "before") return Prisma.sql`c."createdAt" < ${new Date(`${c.value}T00:00:00Z`)}`;
      return Prisma.sql`c."createdAt" ${Prisma.raw(c.op === "last_days" ? ">=" : "<")} now() - make_interval(days => ${c.days!})`;
    case "engagement": {
      const stage = STAGES[c.event!];
      const did = Prisma.sql`EXISTS (SELECT 1 FROM "Message" m WHERE m."contactId" = c.id AND ${stage.done}
        ${c.campaignId ? Prisma.sql`AND m."campaignId" = ${c.campaignId}` : Prisma.empty}
        ${c.days ? Prisma.sql`AND ${stage.at} >= now() - make_interval(days => ${c.days})` : Prisma.empty})`;
      return c.op === "did" ? did : Prisma.sql`NOT ${did}`;
    }
  }
}

const joiner = (match: "all" | "any") => (match === "all" ? " AND " : " OR ");

export function segmentWhere(rules: SegmentRules): Prisma.Sql {
  const groups = rules.groups.map(
    (g) => Prisma.sql`(${Prisma.join(g.conditions.map((c) => Prisma.sql`(${conditionSql(c)})`), joiner(g.match))})`,
  );
  return Prisma.sql`(${Prisma.join(groups, joiner(rules.match))})`;
}

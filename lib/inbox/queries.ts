// Reads for the inbox: the conversation list (filters, search, newest activity first), one thread with
// everything said in it, and the unread count for the navigation.
import "server-only";
import { headerMediaKind, previewText, templateSlots } from "@/lib/campaigns/render";
import type { Mapping } from "@/lib/campaigns/schemas";
import { fillPlaceholders } from "@/lib/templates/rules";
import { db, Prisma } from "@/lib/db/client";
import { bookedSlotAt } from "@/lib/flows/booking-flow";
import { questionsOf } from "@/lib/flows/flow-json";
import { NotFoundError } from "@/lib/errors";
import { listMedia } from "@/lib/media/service";
import type { InboxFilter } from "./schemas";
import { windowState, WINDOW_MS } from "./window";

const PAGE = 50;

export async function listConversations(workspaceId: string, userId: string, f: InboxFilter) {
  const since = new Date(Date.now() - WINDOW_MS);
  const where: Prisma.ConversationWhereInput = {
    workspaceId,
    ...(f.filter === "resolved" ? { resolvedAt: { not: null } } : f.filter === "all" ? {} : { resolvedAt: null }),
    ...(f.filter === "unread" ? { unreadCount: { gt: 0 } } : {}),
    ...(f.filter === "mine" ? { assignedToId: userId } : {}),
    ...(f.filter === "unassigned" ? { assignedToId: null } : {}),
    ...(f.filter === "open_window" ? { lastInboundAt: { gt: since } } : {}),
    ...(f.filter === "closed_window" ? { OR: [{ lastInboundAt: null }, { lastInboundAt: { lte: since } }] } : {}),
    ...(f.campaignId ? { messages: { some: { campaignMessage: { campaignId: f.campaignId } } } } : {}),
    ...(f.q
      ? {
          contact: {
            OR: [
              { name: { contains: f.q, mode: "insensitive" } },
              { phone: { contains: f.q.replace(/[\s()-]/g, "") } },
            ],
          },
        }
      : {}),
  };
  const conversations = await db.conversation.findMany({
    where,
    orderBy: { lastActivityAt: "desc" },
    take: PAGE,
    select: {
      id: true,
      unreadCount: true,
      lastInboundAt: true,
      lastActivityAt: true,
      resolvedAt: true,
      assignedToId: true,
      contact: { select: { name: true, phone: true, bsuid: true, username: true } },
      messages: { orderBy: { receivedAt: "desc" }, take: 1, select: { type: true, payload: true } },
    },
  });
  return conversations.map(({ messages, ...c }) => ({
    ...c,
    preview: messages[0] ? previewOf(messages[0].type, messages[0].payload) : null,
    window: windowState(c.lastInboundAt),
  }));
}
export type ConversationSummary = Awaited<ReturnType<typeof listConversations>>[number];

/**
 * One line for the list: the message's type and the person's own words in it (a text, a button's title, a
 * caption, a place's name, an emoji), or null. The list words the type in the viewer's language.
 */
export type MessagePreview = { type: string; text: string | null };

export function previewOf(type: string, payload: unknown): MessagePreview {
  const p = (payload ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const text = (value: unknown) => (value === undefined || value === null || value === "" ? null : String(value));
  switch (type) {
    case "text":
      return { type, text: text(p.text?.body) };
    case "button":
      return { type, text: text(p.button?.text) };
    case "interactive": {
      const i = p.interactive as
        { type?: string; button_reply?: { title: string }; list_reply?: { title: string } } | undefined;
      // A completed WhatsApp Flow: its own line ("Answered a form").
      if (i?.type === "nfm_reply") return { type: "flow", text: null };
      return { type, text: text(i?.button_reply?.title ?? i?.list_reply?.title) };
    }
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return { type, text: text(p[type]?.caption) };
    case "location":
      return { type, text: text(p.location?.name) };
    case "reaction":
      return { type, text: text(p.reaction?.emoji) };
    default:
      return { type, text: null };
  }
}

/** Who wrote an outbound message or a note: a member by name, one who has left, an auto-reply, or the API. */
export type Author =
  | { kind: "member"; name: string }
  | { kind: "former" }
  | { kind: "auto" }
  | { kind: "api" }
  | { kind: "campaign"; id: string; name: string }
  | { kind: "journey"; id: string; name: string };

export type TimelineItem =
  | {
      kind: "inbound";
      id: string;
      at: string;
      type: string;
      payload: unknown;
      wamid: string;
      campaign: { id: string; name: string } | null;
      repliesTo: string | null;
      /** A completed WhatsApp Flow: its name and each answer as the person gave it. */
      flow?: FlowAnswerCard | null;
    }
  | {
      kind: "outbound";
      id: string;
      at: string;
      type: string;
      payload: unknown;
      state: string;
      errorReason: string | null;
      /** Why Parley did not send it (a campaigns skip reason code), when it did not. */
      skipReason: string | null;
      author: Author | null;
      repliesTo: string | null;
    }
  | { kind: "note"; id: string; at: string; body: string; author: Author | null };

export async function getThread(workspaceId: string, id: string) {
  const conversation = await db.conversation.findFirst({
    where: { id, workspaceId },
    include: {
      contact: { select: { id: true, name: true, phone: true, bsuid: true, username: true, locale: true, tags: true } },
      messages: {
        orderBy: { receivedAt: "asc" },
        take: 500,
        include: { campaignMessage: { select: { wamid: true, campaign: { select: { id: true, name: true } } } } },
      },
      replies: { orderBy: { createdAt: "asc" }, take: 500 },
      notes: { orderBy: { createdAt: "asc" }, take: 200 },
    },
  });
  if (!conversation) throw new NotFoundError("conversation");
  // What the business's own systems sent through the public API (or a journey sent), so the agent sees what the person received.
  const transactional = await db.message.findMany({
    where: { workspaceId, contactId: conversation.contactId, origin: { in: ["api", "journey"] } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      state: true,
      request: true,
      createdAt: true,
      sentAt: true,
      errorReason: true,
      skipReason: true,
      origin: true,
      template: { select: { components: true } },
    },
  });
  const journeyOf = await journeysOfSends(
    conversation.contactId,
    transactional.filter((m) => m.origin === "journey").map((m) => m.id),
  );
  const campaignSends = await campaignMessages(workspaceId, conversation.contactId);
  const flowCards = await flowAnswerCards(
    workspaceId,
    conversation.messages.filter((m) => m.type === "interactive").map((m) => m.id),
  );
  const authorIds = [
    ...new Set(
      [
        ...conversation.replies.map((r) => r.authorId),
        ...conversation.notes.map((n) => n.authorId),
        conversation.assignedToId,
      ].filter((x): x is string => Boolean(x)),
    ),
  ];
  const users = await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } });
  const memberName = (uid: string) => users.find((u) => u.id === uid)?.name ?? null;
  const authorOf = (uid: string | null): Author | null => {
    if (!uid) return null;
    const name = memberName(uid);
    return name === null ? { kind: "former" } : { kind: "member", name };
  };
  const timeline: TimelineItem[] = [
    ...conversation.messages.map((m) => ({
      kind: "inbound" as const,
      id: m.id,
      at: m.receivedAt.toISOString(),
      type: m.type,
      payload: m.payload,
      wamid: m.wamid,
      campaign: m.campaignMessage?.campaign ?? null,
      repliesTo: m.contextWamid,
      flow: flowCards.get(m.id) ?? null,
    })),
    ...conversation.replies.map((r) => ({
      kind: "outbound" as const,
      id: r.id,
      at: r.createdAt.toISOString(),
      type: r.type,
      payload: r.payload,
      state: r.state,
      errorReason: r.errorReason,
      skipReason: null,
      author: r.authorId ? authorOf(r.authorId) : { kind: "auto" as const },
      repliesTo: r.contextWamid,
    })),
    ...transactional.map((m) => ({
      kind: "outbound" as const,
      id: m.id,
      at: (m.sentAt ?? m.createdAt).toISOString(),
      type: "api",
      payload: withPreview(m.request, m.template?.components),
      state: deliveryOf(m.state),
      errorReason: m.errorReason,
      skipReason: m.errorReason ? null : m.skipReason,
      author: journeyOf.get(m.id) ?? { kind: "api" as const },
      repliesTo: null,
    })),
    ...campaignSends,
    ...conversation.notes.map((n) => ({
      kind: "note" as const,
      id: n.id,
      at: n.createdAt.toISOString(),
      body: n.body,
      author: authorOf(n.authorId),
    })),
  ];
  // Meta's timestamps are whole seconds, so a tap on a button can carry a time before the message that
  // showed the button. A message that answers another is placed after it.
  const sentAt = new Map<string, number>([
    ...conversation.messages.map((m) => [m.wamid, m.receivedAt.getTime()] as const),
    ...conversation.replies.filter((r) => r.wamid).map((r) => [r.wamid!, r.createdAt.getTime()] as const),
    ...campaignSends.filter((m) => m.wamid).map((m) => [m.wamid!, Date.parse(m.at)] as const),
  ]);
  const order = (t: TimelineItem) =>
    Math.max(Date.parse(t.at), t.kind !== "note" && t.repliesTo ? (sentAt.get(t.repliesTo) ?? 0) + 1 : 0);
  timeline.sort((a, b) => order(a) - order(b));
  return {
    id: conversation.id,
    contact: conversation.contact,
    unreadCount: conversation.unreadCount,
    resolvedAt: conversation.resolvedAt?.toISOString() ?? null,
    assignedTo: conversation.assignedToId
      ? { id: conversation.assignedToId, name: memberName(conversation.assignedToId) }
      : null,
    lastInboundAt: conversation.lastInboundAt?.toISOString() ?? null,
    timeline,
  };
}
export type Thread = Awaited<ReturnType<typeof getThread>>;

export type FlowAnswerCard = {
  flowId: string;
  name: string;
  /** `at`: a booked time (ISO), which the card words in the workspace's `timeZone`. */
  answers: { label: string; value: string | boolean | string[]; at?: string }[];
  timeZone: string;
};

/** The journey that sent each of a contact's journey messages, read from its runs' step logs (by run, indexed). */
async function journeysOfSends(contactId: string, messageIds: string[]): Promise<Map<string, Author>> {
  if (messageIds.length === 0) return new Map();
  const runs = await db.journeyRun.findMany({
    where: { contactId },
    select: { id: true, journey: { select: { id: true, name: true } } },
  });
  const logs = await db.journeyStepLog.findMany({
    where: { runId: { in: runs.map((r) => r.id) }, messageId: { in: messageIds } },
    select: { runId: true, messageId: true },
  });
  const journeyOfRun = new Map(runs.map((r) => [r.id, r.journey]));
  return new Map(logs.map((l) => [l.messageId!, { kind: "journey" as const, ...journeyOfRun.get(l.runId)! }]));
}

/** The completed flows among inbound messages, as readable cards (an option's title, not its id). */
async function flowAnswerCards(workspaceId: string, inboundIds: string[]): Promise<Map<string, FlowAnswerCard>> {
  if (inboundIds.length === 0) return new Map();
  const responses = await db.flowResponse.findMany({
    where: { workspaceId, inboundMessageId: { in: inboundIds } },
    select: { inboundMessageId: true, answers: true, flow: { select: { id: true, name: true, json: true } } },
  });
  if (responses.length === 0) return new Map();
  const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  return new Map(
    responses.map((r) => {
      const answers = r.answers as Record<string, unknown>;
      const card: FlowAnswerCard = {
        flowId: r.flow.id,
        name: r.flow.name,
        answers: questionsOf(r.flow.json)
          .filter((q) => answers[q.name] !== undefined && answers[q.name] !== "")
          .map((q) => {
            const value = answers[q.name];
            const title = (id: unknown) => q.options.find((o) => o.id === String(id))?.title ?? String(id);
            const booked = bookedSlotAt(q, value);
            return {
              label: q.label,
              value: typeof value === "boolean" ? value : Array.isArray(value) ? value.map(title) : title(value),
              ...(booked ? { at: booked.toISOString() } : {}),
            };
          }),
        timeZone,
      };
      return [r.inboundMessageId, card] as const;
    }),
  );
}

export async function unreadConversations(workspaceId: string): Promise<number> {
  return db.conversation.count({ where: { workspaceId, unreadCount: { gt: 0 }, resolvedAt: null } });
}

export function listSavedReplies(workspaceId: string) {
  return db.savedReply.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, body: true, keyword: true },
  });
}

/** What the composer and the side panel offer. */
export async function inboxChoices(workspaceId: string) {
  const [templates, media, members, savedReplies, campaigns, flows] = await Promise.all([
    db.template.findMany({
      where: { workspaceId, status: "APPROVED" },
      orderBy: [{ name: "asc" }, { language: "asc" }],
      select: { id: true, name: true, language: true, components: true },
    }),
    listMedia(workspaceId),
    db.membership.findMany({
      where: { workspaceId, role: { in: ["ADMIN", "MARKETER"] } },
      select: { user: { select: { id: true, name: true } } },
    }),
    listSavedReplies(workspaceId),
    db.campaign.findMany({
      where: { workspaceId, launchedAt: { not: null } },
      orderBy: { launchedAt: "desc" },
      take: 50,
      select: { id: true, name: true },
    }),
    db.flow.findMany({
      where: { workspaceId, status: "PUBLISHED" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    templates: templates.map((t) => ({
      id: t.id,
      label: `${t.name} (${t.language})`,
      slots: templateSlots(t.components)
        .filter((s) => !s.optional)
        .map((s) => s.label),
      hasMediaHeader: headerMediaKind(t.components) !== null,
    })),
    media: media.map((m) => ({ id: m.id, kind: m.kind, fileName: m.fileName })),
    flows,
    members: members.map((m) => m.user),
    savedReplies,
    campaigns,
  };
}
export type InboxChoices = Awaited<ReturnType<typeof inboxChoices>>;

/**
 * The delivery state an agent reads for a message the dispatcher sends: waiting counts as sending, skipped as
 * failed, answered as read (an answered message showed as "Sent").
 */
const deliveryOf = (state: string) =>
  state === "QUEUED" || state === "CLAIMED"
    ? "SENDING"
    : state === "SKIPPED"
      ? "FAILED"
      : state === "REPLIED"
        ? "READ"
        : state;

/**
 * What the business's campaigns sent this person, as they read it: the campaign's template with their own
 * values, its delivery state and, when it did not arrive, why.
 */
async function campaignMessages(workspaceId: string, contactId: string) {
  const rows = await db.message.findMany({
    where: { workspaceId, contactId, origin: "campaign", campaignId: { not: null } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      wamid: true,
      state: true,
      createdAt: true,
      sentAt: true,
      errorReason: true,
      skipReason: true,
      contact: { select: { name: true, phone: true, locale: true, attributes: true } },
      campaign: {
        select: {
          id: true,
          name: true,
          variableMapping: true,
          template: { select: { name: true, language: true, components: true, parameterFormat: true } },
        },
      },
    },
  });
  return rows.map((m) => {
    const template = m.campaign?.template;
    const mapping = m.campaign?.variableMapping as Pick<Mapping, "variables"> | null;
    let text: ReturnType<typeof previewText> | null = null;
    try {
      if (template) text = previewText(template, { variables: mapping?.variables ?? {} }, m.contact);
    } catch {
      text = null; // a mapping the template no longer fits: the template's name still says what went out
    }
    return {
      kind: "outbound" as const,
      id: m.id,
      wamid: m.wamid,
      at: (m.sentAt ?? m.createdAt).toISOString(),
      type: "campaign",
      payload: {
        type: "template",
        header: text?.header ?? null,
        preview: text?.body ?? null,
        footer: text?.footer ?? null,
        buttons: text?.buttons.map((b) => b.text) ?? [],
        template: { name: template?.name ?? "", language: { code: template?.language ?? "" } },
      },
      state: deliveryOf(m.state),
      errorReason: m.errorReason,
      skipReason: m.errorReason ? null : m.skipReason,
      author: m.campaign ? { kind: "campaign" as const, id: m.campaign.id, name: m.campaign.name } : null,
      repliesTo: null,
    };
  });
}

/** A template request with the text the person read (`preview`): the template's body with the values sent. */
function withPreview(request: unknown, components: unknown): unknown {
  const r = request as {
    type?: string;
    template?: { components?: { type: string; parameters?: { text?: string; parameter_name?: string }[] }[] };
  };
  if (r?.type !== "template" || !Array.isArray(components)) return request;
  const body =
    (components as { type: string; text?: string }[]).find((c) => c.type.toUpperCase() === "BODY")?.text ?? "";
  const parameters = r.template?.components?.find((c) => c.type === "body")?.parameters ?? [];
  const values = Object.fromEntries(parameters.map((p, i) => [p.parameter_name ?? String(i + 1), p.text]));
  return { ...r, preview: fillPlaceholders(body, values) };
}

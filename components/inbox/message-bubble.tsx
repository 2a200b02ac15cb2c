// Each inbound message type as WhatsApp shows it, and inbox replies with their delivery state.
import {
  AlertCircle,
  Check,
  CheckCheck,
  ClipboardList,
  Clock,
  FileText,
  ImageIcon,
  MapPin,
  Mic,
  Smile,
  UserRound,
  Video,
} from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useLanguageName } from "@/components/templates/use-language-name";
import type { ReactNode } from "react";
import { WhatsAppText } from "@/components/templates/phone-preview";
import { APPOINTMENT_FORMAT } from "@/lib/flows/booking-flow";
import type { Author, FlowAnswerCard, TimelineItem } from "@/lib/inbox/queries";
import { useFormat } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/message-key";
import { cn } from "@/lib/utils";

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Meta's payloads, shown as they came

const MEDIA_ICON: Record<string, typeof ImageIcon> = {
  image: ImageIcon,
  video: Video,
  audio: Mic,
  voice: Mic,
  document: FileText,
  sticker: Smile,
};

const MEDIA_KINDS = ["image", "video", "audio", "document", "sticker"] as const;

function Media({ kind, caption, name }: { kind: string; caption?: string; name?: string }) {
  const t = useTranslations("inbox.media");
  const Icon = MEDIA_ICON[kind] ?? FileText;
  const known = (MEDIA_KINDS as readonly string[]).includes(kind) || kind === "voice";
  return (
    <div>
      <div className="flex items-center gap-2 rounded-md bg-gray-100 px-3 py-4 text-sm text-gray-600">
        <Icon className="size-5" aria-hidden />{" "}
        {name ?? (known ? t(kind === "voice" ? "audio" : (kind as (typeof MEDIA_KINDS)[number])) : kind)}
      </div>
      {caption && <p className="mt-1">{caption}</p>}
    </div>
  );
}

function InboundContent({ type, payload }: { type: string; payload: Any }) {
  const t = useTranslations("inbox.bubble");
  switch (type) {
    case "text":
      return <WhatsAppText text={String(payload.text?.body ?? "")} />;
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker":
      return <Media kind={type} caption={payload[type]?.caption} name={payload[type]?.filename} />;
    case "location": {
      const l = payload.location ?? {};
      return (
        <a
          className="flex items-start gap-2 text-sky-700 underline"
          href={`https://www.openstreetmap.org/?mlat=${l.latitude}&mlon=${l.longitude}`}
          target="_blank"
          rel="noreferrer"
        >
          <MapPin className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            {l.name ?? t("sharedLocation")}
            {l.address && <span className="block text-xs text-gray-600">{l.address}</span>}
          </span>
        </a>
      );
    }
    case "contacts":
      return (
        <ul className="space-y-1">
          {(payload.contacts ?? []).map((c: Any, i: number) => (
            <li key={i} className="flex items-center gap-2">
              <UserRound className="size-4" aria-hidden /> {c.name?.formatted_name ?? t("contact")}{" "}
              {c.phones?.[0]?.phone && <span className="text-gray-600">{c.phones[0].phone}</span>}
            </li>
          ))}
        </ul>
      );
    case "button":
      return <p>{t("tapped", { text: String(payload.button?.text ?? "") })}</p>;
    case "interactive": {
      const reply = payload.interactive?.button_reply ?? payload.interactive?.list_reply;
      return <p>{reply?.title ? t("chose", { title: String(reply.title) }) : t("choseOption")}</p>;
    }
    case "reaction":
      return (
        <p>
          {payload.reaction?.emoji ? t("reacted", { emoji: String(payload.reaction.emoji) }) : t("reactionRemoved")}{" "}
          <span className="text-xs text-gray-600">{t("toAMessage")}</span>
        </p>
      );
    default:
      return <p className="text-gray-600 italic">{t("unsupported", { type })}</p>;
  }
}

/** A completed WhatsApp Flow: the form's name, then each question and answer. */
function FlowAnswers({ card }: { card: FlowAnswerCard }) {
  const t = useTranslations("inbox.bubble");
  const formatter = useFormatter();
  return (
    <div>
      <p className="mb-1 flex items-center gap-1 font-medium">
        <ClipboardList className="size-4" aria-hidden />
        <Link href={`/flows/${card.flowId}/results`} className="text-brand-700 underline">
          {t("flowAnswered", { name: card.name })}
        </Link>
      </p>
      <dl className="space-y-1">
        {card.answers.map((a, i) => (
          <div key={i}>
            <dt className="text-xs text-gray-600">{a.label}</dt>
            <dd>
              {a.at
                ? // A booked time, on the business's clock (the zone is named), in the reader's language.
                  formatter.dateTime(new Date(a.at), { ...APPOINTMENT_FORMAT, timeZone: card.timeZone })
                : typeof a.value === "boolean"
                  ? a.value
                    ? t("yes")
                    : t("no")
                  : Array.isArray(a.value)
                    ? a.value.join(", ")
                    : a.value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function OutboundContent({ type, payload }: { type: string; payload: Any }) {
  const t = useTranslations("inbox.bubble");
  const languageName = useLanguageName();
  if (payload.type === "text") return <WhatsAppText text={String(payload.text?.body ?? "")} />;
  if (payload.type === "interactive") {
    const i = payload.interactive ?? {};
    return (
      <div>
        <WhatsAppText text={String(i.body?.text ?? "")} />
        <div className="mt-2 space-y-1">
          {i.type === "flow" ? (
            <p className="rounded border border-brand-200 bg-white/70 py-1 text-center text-sm text-sky-700">
              {String(i.action?.parameters?.flow_cta ?? "")}
            </p>
          ) : i.type === "button" ? (
            (i.action?.buttons ?? []).map((b: Any) => (
              <p
                key={b.reply.id}
                className="rounded border border-brand-200 bg-white/70 py-1 text-center text-sm text-sky-700"
              >
                {b.reply.title}
              </p>
            ))
          ) : (
            <p className="rounded border border-brand-200 bg-white/70 py-1 text-center text-sm text-sky-700">
              ☰{" "}
              {t("listButton", {
                button: String(i.action?.button ?? ""),
                count: i.action?.sections?.[0]?.rows?.length ?? 0,
              })}
            </p>
          )}
        </div>
      </div>
    );
  }
  if (payload.type === "template") {
    return (
      <div>
        {payload.header && <p className="mb-1 font-semibold">{String(payload.header)}</p>}
        {payload.preview && <WhatsAppText text={String(payload.preview)} />}
        {payload.footer && <p className="mt-1 text-xs text-gray-600">{String(payload.footer)}</p>}
        {Array.isArray(payload.buttons) && payload.buttons.length > 0 && (
          <div className="mt-2 space-y-1">
            {(payload.buttons as unknown[]).map((text, i) => (
              <p key={i} className="rounded border border-brand-200 bg-white/70 py-1 text-center text-sm text-sky-700">
                {String(text)}
              </p>
            ))}
          </div>
        )}
        <p className={payload.preview ? "mt-1 text-xs text-gray-600" : undefined}>
          {t("template", {
            name: String(payload.template?.name ?? ""),
            language: languageName(String(payload.template?.language?.code ?? "")),
          })}
        </p>
      </div>
    );
  }
  if (["image", "video", "document"].includes(payload.type))
    return (
      <Media kind={payload.type} caption={payload[payload.type]?.caption} name={payload[payload.type]?.filename} />
    );
  return <p className="text-gray-600 italic">{t("ofType", { type })}</p>;
}

const DELIVERY_ICON = {
  SENDING: <Clock className="size-3.5" aria-hidden />,
  SENT: <Check className="size-3.5" aria-hidden />,
  DELIVERED: <CheckCheck className="size-3.5" aria-hidden />,
  READ: <CheckCheck className="size-3.5 text-sky-600" aria-hidden />,
  FAILED: <AlertCircle className="size-3.5 text-red-600" aria-hidden />,
} satisfies Record<string, ReactNode>;
type Delivery = keyof typeof DELIVERY_ICON;

function DeliveryState({
  state,
  reason,
  skipReason,
}: {
  state: string;
  reason: string | null;
  skipReason: string | null;
}) {
  const t = useTranslations("inbox.bubble");
  const campaigns = useTranslations("campaigns.skipReason");
  // A failure's reason is a message key (lib/i18n/message-key.ts); Meta's own title, when that is all there is, stays as sent.
  const message = useTranslations();
  const known: Delivery = Object.hasOwn(DELIVERY_ICON, state) ? (state as Delivery) : "SENT";
  // A message Parley did not send says why, in the campaigns' words for its skip reason.
  const skipped = skipReason
    ? t("notSent", {
        reason: campaigns.has(skipReason as never) ? campaigns(skipReason as never) : skipReason.replaceAll("_", " "),
      })
    : null;
  const why = reason !== null ? translateMessage(message, reason) : skipped;
  return (
    <span className="inline-flex items-center gap-1" data-testid="delivery-state">
      {DELIVERY_ICON[known]} {known === "FAILED" && why ? t("failedBecause", { reason: why }) : t(`delivery.${known}`)}
    </span>
  );
}

/** Who wrote it: a member, a campaign or journey (linked), or in the viewer's language an auto-reply, the API or a member who has left. */
function AuthorName({ author }: { author: Author }) {
  const t = useTranslations("inbox.author");
  if (author.kind === "campaign" || author.kind === "journey") {
    const link = () => (
      <Link className="text-brand-800 underline" href={`/${author.kind}s/${author.id}`}>
        {author.name}
      </Link>
    );
    return author.kind === "campaign" ? t.rich("campaign", { campaign: link }) : t.rich("journey", { journey: link });
  }
  return author.kind === "member" ? author.name : t(author.kind);
}

export function MessageBubble({ item }: { item: TimelineItem }) {
  const t = useTranslations("inbox.bubble");
  const format = useFormat();
  if (item.kind === "note") {
    return (
      <div className="mx-auto max-w-[80%] rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm break-words text-amber-950">
        <p className="text-xs font-medium">
          {t.rich("note", {
            author: () => (item.author ? <AuthorName author={item.author} /> : t("someone")),
            time: format.time(item.at),
          })}
        </p>
        <p className="mt-1 whitespace-pre-wrap">{item.body}</p>
      </div>
    );
  }
  const inbound = item.kind === "inbound";
  return (
    <div className={cn("flex", inbound ? "justify-start" : "justify-end")}>
      <div
        className={cn(
          "max-w-[75%] rounded-lg px-3 py-2 text-sm break-words shadow-sm", // a long link wraps on a phone
          inbound ? "rounded-tl-none bg-white" : "rounded-tr-none bg-[#d9fdd3]",
        )}
      >
        {inbound && item.campaign && (
          <p className="mb-1 border-l-2 border-brand-600 pl-2 text-xs text-gray-600">
            {t.rich("replyToCampaign", {
              campaign: () => (
                <Link className="text-brand-700 underline" href={`/campaigns/${item.campaign!.id}`}>
                  {item.campaign!.name}
                </Link>
              ),
            })}
          </p>
        )}
        {inbound && item.flow ? (
          <FlowAnswers card={item.flow} />
        ) : inbound ? (
          <InboundContent type={item.type} payload={item.payload as Any} />
        ) : (
          <OutboundContent type={item.type} payload={item.payload as Any} />
        )}
        <p className="mt-1 flex flex-wrap justify-end gap-x-2 text-[0.7rem] text-gray-700">
          {!inbound && item.author && (
            <span>
              <AuthorName author={item.author} />
            </span>
          )}
          <span>{format.time(item.at)}</span>
          {!inbound && <DeliveryState state={item.state} reason={item.errorReason} skipReason={item.skipReason} />}
        </p>
      </div>
    </div>
  );
}

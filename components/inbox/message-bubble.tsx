// Each inbound message type as WhatsApp shows it, and inbox replies with their delivery state.
import {
  AlertCircle,
  Check,
  CheckCheck,
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
import type { ReactNode } from "react";
import { WhatsAppText } from "@/components/templates/phone-preview";
import type { TimelineItem } from "@/lib/inbox/queries";
import { cn } from "@/lib/utils";

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Meta's payloads, shown as they came

const time = (at: string) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const MEDIA_ICON: Record<string, typeof ImageIcon> = {
  image: ImageIcon,
  video: Video,
  audio: Mic,
  voice: Mic,
  document: FileText,
  sticker: Smile,
};

function Media({ kind, caption, name }: { kind: string; caption?: string; name?: string }) {
  const Icon = MEDIA_ICON[kind] ?? FileText;
  return (
    <div>
      <div className="flex items-center gap-2 rounded-md bg-gray-100 px-3 py-4 text-sm text-gray-600">
        <Icon className="size-5" aria-hidden /> {name ?? `${kind[0]!.toUpperCase()}${kind.slice(1)}`}
      </div>
      {caption && <p className="mt-1">{caption}</p>}
    </div>
  );
}

function InboundContent({ type, payload }: { type: string; payload: Any }) {
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
            {l.name ?? "Shared location"}
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
              <UserRound className="size-4" aria-hidden /> {c.name?.formatted_name ?? "Contact"}{" "}
              {c.phones?.[0]?.phone && <span className="text-gray-600">{c.phones[0].phone}</span>}
            </li>
          ))}
        </ul>
      );
    case "button":
      return <p>Tapped “{payload.button?.text}”</p>;
    case "interactive": {
      const reply = payload.interactive?.button_reply ?? payload.interactive?.list_reply;
      return <p>Chose “{reply?.title ?? "an option"}”</p>;
    }
    case "reaction":
      return (
        <p>
          Reacted {payload.reaction?.emoji || "(removed a reaction)"}{" "}
          <span className="text-xs text-gray-600">to a message</span>
        </p>
      );
    default:
      return (
        <p className="text-gray-600 italic">
          A “{type}” message: WhatsApp sent it, Parley cannot show this type yet. Open WhatsApp on the phone to see it.
        </p>
      );
  }
}

function OutboundContent({ type, payload }: { type: string; payload: Any }) {
  if (payload.type === "text") return <WhatsAppText text={String(payload.text?.body ?? "")} />;
  if (payload.type === "interactive") {
    const i = payload.interactive ?? {};
    return (
      <div>
        <WhatsAppText text={String(i.body?.text ?? "")} />
        <div className="mt-2 space-y-1">
          {i.type === "button" ? (
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
              ☰ {i.action?.button} ({i.action?.sections?.[0]?.rows?.length ?? 0} options)
            </p>
          )}
        </div>
      </div>
    );
  }
  if (payload.type === "template") {
    return (
      <div>
        {payload.preview && <WhatsAppText text={String(payload.preview)} />}
        <p className={payload.preview ? "mt-1 text-xs text-gray-600" : undefined}>
          Template “{payload.template?.name}” ({payload.template?.language?.code})
        </p>
      </div>
    );
  }
  if (["image", "video", "document"].includes(payload.type))
    return (
      <Media kind={payload.type} caption={payload[payload.type]?.caption} name={payload[payload.type]?.filename} />
    );
  return <p className="text-gray-600 italic">{type} message</p>;
}

function DeliveryState({ state, reason }: { state: string; reason: string | null }) {
  const look: Record<string, { icon: ReactNode; label: string }> = {
    SENDING: { icon: <Clock className="size-3.5" aria-hidden />, label: "Sending" },
    SENT: { icon: <Check className="size-3.5" aria-hidden />, label: "Sent" },
    DELIVERED: { icon: <CheckCheck className="size-3.5" aria-hidden />, label: "Delivered" },
    READ: { icon: <CheckCheck className="size-3.5 text-sky-600" aria-hidden />, label: "Read" },
    FAILED: { icon: <AlertCircle className="size-3.5 text-red-600" aria-hidden />, label: "Failed" },
  };
  const l = look[state] ?? look.SENT!;
  return (
    <span className="inline-flex items-center gap-1" data-testid="delivery-state">
      {l.icon} {l.label}
      {state === "FAILED" && reason ? `: ${reason}` : ""}
    </span>
  );
}

export function MessageBubble({ item }: { item: TimelineItem }) {
  if (item.kind === "note") {
    return (
      <div className="mx-auto max-w-[80%] rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm break-words text-amber-950">
        <p className="text-xs font-medium">
          Internal note · {item.author ?? "someone"} · {time(item.at)} · never sent
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
            Reply to campaign{" "}
            <Link className="text-brand-700 underline" href={`/campaigns/${item.campaign.id}`}>
              {item.campaign.name}
            </Link>
          </p>
        )}
        {inbound ? (
          <InboundContent type={item.type} payload={item.payload as Any} />
        ) : (
          <OutboundContent type={item.type} payload={item.payload as Any} />
        )}
        <p className="mt-1 flex justify-end gap-2 text-[0.7rem] text-gray-500">
          {!inbound && item.author && <span>{item.author}</span>}
          <span>{time(item.at)}</span>
          {!inbound && <DeliveryState state={item.state} reason={item.errorReason} />}
        </p>
      </div>
    </div>
  );
}

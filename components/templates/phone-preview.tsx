// A WhatsApp message bubble as the recipient sees it: media header, formatted body with the samples
// filled in, footer, and the buttons laid out the way WhatsApp lays them out.
import {
  ClipboardList,
  Copy,
  ExternalLink,
  FileText,
  ImageIcon,
  List,
  MapPin,
  Phone,
  Reply,
  Tag,
  Video,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { formatWhatsApp, type FormattedNode } from "@/lib/templates/formatting";
import { fillPlaceholders, placeholders } from "@/lib/templates/rules";
import type { TemplateInput } from "@/lib/templates/schemas";
import { mediaUrl } from "@/lib/media/urls";

/** Text with WhatsApp's formatting (*bold*, _italic_, ~strike~, ```code```) as it shows on the phone. */
export function WhatsAppText({ text }: { text: string }) {
  return <>{render(formatWhatsApp(text))}</>;
}

function render(nodes: FormattedNode[]): ReactNode {
  return nodes.map((node, i) => {
    if (typeof node === "string") return <Fragment key={i}>{node}</Fragment>;
    const Tag = node.tag === "code" ? "code" : node.tag;
    return (
      <Tag key={i} className={node.tag === "code" ? "font-mono text-[0.85em]" : undefined}>
        {render(node.children)}
      </Tag>
    );
  });
}

const MEDIA_ICON = { IMAGE: ImageIcon, VIDEO: Video, DOCUMENT: FileText, LOCATION: MapPin } as const;
const BUTTON_ICON = {
  QUICK_REPLY: Reply,
  URL: ExternalLink,
  PHONE_NUMBER: Phone,
  COPY_CODE: Copy,
  FLOW: ClipboardList,
} as const;

/** A carousel's cards as WhatsApp shows them under the message: swiped sideways, each its media, text and buttons. */
function CardsPreview({ template }: { template: TemplateInput }) {
  const t = useTranslations("templates.preview");
  const Icon = MEDIA_ICON[template.cardMedia];
  return (
    <ul aria-label={t("cards")} className="mt-2 flex snap-x gap-2 overflow-x-auto pb-1">
      {template.cards.map((card, i) => (
        <li
          key={i}
          aria-label={t("card", { number: i + 1 })}
          className="w-44 shrink-0 snap-start overflow-hidden rounded-lg bg-white text-[0.85rem] text-gray-900 shadow-sm"
        >
          {template.cardMedia === "IMAGE" && card.mediaAssetId ? (
            // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated thumbnail
            <img src={mediaUrl(card.mediaAssetId, true)} alt="" className="h-28 w-full object-cover" />
          ) : (
            <div className="flex h-28 items-center justify-center bg-gray-200 text-gray-500">
              <Icon className="size-6" aria-hidden />
            </div>
          )}
          {card.body && (
            <p className="px-2 pt-1 break-words whitespace-pre-wrap">
              {render(formatWhatsApp(fillPlaceholders(card.body, card.samples)))}
            </p>
          )}
          <ButtonList buttons={card.buttons} />
        </li>
      ))}
    </ul>
  );
}

function ButtonList({ buttons }: { buttons: TemplateInput["buttons"] }) {
  const t = useTranslations("templates.preview");
  // WhatsApp shows up to 3 buttons; with more, the third becomes "See all options".
  const shown = buttons.length > 3 ? buttons.slice(0, 2) : buttons;
  if (!shown.length) return null;
  return (
    <ul className="border-t border-gray-100">
      {shown.map((button, i) => {
        const Icon = BUTTON_ICON[button.type];
        const label = button.type === "COPY_CODE" ? t("copyCode") : button.text || t("button");
        return (
          <li
            key={i}
            className="flex items-center justify-center gap-2 border-b border-gray-100 py-2 text-sm font-medium text-[#027eb5] last:border-0"
          >
            <Icon className="size-4" aria-hidden /> {label}
          </li>
        );
      })}
      {buttons.length > 3 && (
        <li className="flex items-center justify-center gap-2 py-2 text-sm font-medium text-[#027eb5]">
          <List className="size-4" aria-hidden /> {t("seeAll")}
        </li>
      )}
    </ul>
  );
}

export function PhonePreview({ template }: { template: TemplateInput }) {
  const { header, body, footer, buttons, format, offer } = template;
  const t = useTranslations("templates.preview");
  const headerVariable = header.type === "TEXT" ? placeholders(header.text)[0] : undefined;
  const headerText =
    header.type === "TEXT"
      ? fillPlaceholders(header.text, headerVariable ? { [headerVariable]: header.sample } : {})
      : "";
  return (
    <figure
      aria-label={t("label")}
      className="mx-auto w-full max-w-sm rounded-[2rem] border-8 border-gray-900 bg-[#efeae2] p-3 shadow-xl"
    >
      <figcaption className="mb-3 rounded-t-xl bg-[#075e54] px-3 py-2 text-sm font-medium text-white">
        {t("business")}
      </figcaption>
      <div className="max-w-[92%] rounded-lg rounded-tl-none bg-white p-1 text-[0.92rem] leading-snug text-gray-900 shadow-sm">
        {header.type === "IMAGE" && header.mediaAssetId ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated thumbnail
          <img
            src={mediaUrl(header.mediaAssetId, true)}
            alt={t("headerImage")}
            className="mb-1 max-h-48 w-full rounded-md object-cover"
          />
        ) : (
          header.type !== "NONE" &&
          header.type !== "TEXT" && (
            <div className="mb-1 flex h-32 items-center justify-center rounded-md bg-gray-200 text-gray-500">
              {(() => {
                const Icon = MEDIA_ICON[header.type];
                return <Icon className="size-8" aria-hidden />;
              })()}
              <span className="sr-only">{t("mediaHeader", { kind: header.type })}</span>
            </div>
          )
        )}
        {format === "LIMITED_TIME_OFFER" && (
          <div className="mx-1 mt-1 flex items-center gap-2 rounded-md bg-gray-100 px-2 py-1.5">
            <Tag className="size-4 text-[#027eb5]" aria-hidden />
            <div>
              <p className="font-semibold">{offer.text}</p>
              {offer.expires && <p className="text-xs text-gray-500">{t("offerEnds")}</p>}
            </div>
          </div>
        )}
        <div className="px-2 pt-1 pb-1">
          {headerText && <p className="mb-1 font-semibold">{headerText}</p>}
          <p className="break-words whitespace-pre-wrap" data-testid="preview-body">
            {body.text ? (
              render(formatWhatsApp(fillPlaceholders(body.text, body.samples)))
            ) : (
              <span className="text-gray-500">{t("empty")}</span>
            )}
          </p>
          {footer && <p className="mt-1 text-xs text-gray-500">{footer}</p>}
          <p className="mt-0.5 text-right text-[0.65rem] text-gray-500">10:24</p>
        </div>
        <ButtonList buttons={buttons} />
      </div>
      {format === "CAROUSEL" && <CardsPreview template={template} />}
    </figure>
  );
}

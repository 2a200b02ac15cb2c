// A WhatsApp message bubble as the recipient sees it: media header, formatted body with the samples
// filled in, footer, and the buttons laid out the way WhatsApp lays them out.
import { Copy, ExternalLink, FileText, ImageIcon, List, MapPin, Phone, Reply, Video } from "lucide-react";
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
const BUTTON_ICON = { QUICK_REPLY: Reply, URL: ExternalLink, PHONE_NUMBER: Phone, COPY_CODE: Copy } as const;

export function PhonePreview({ template }: { template: TemplateInput }) {
  const { header, body, footer, buttons } = template;
  const t = useTranslations("templates.preview");
  const headerVariable = header.type === "TEXT" ? placeholders(header.text)[0] : undefined;
  const headerText =
    header.type === "TEXT"
      ? fillPlaceholders(header.text, headerVariable ? { [headerVariable]: header.sample } : {})
      : "";
  // WhatsApp shows up to 3 buttons; with more, the third becomes "See all options".
  const shown = buttons.length > 3 ? buttons.slice(0, 2) : buttons;
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
        {shown.length > 0 && (
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
        )}
      </div>
    </figure>
  );
}

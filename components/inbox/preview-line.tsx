// The conversation list's one line: the message's type in the viewer's language, with the person's own words.
import { useTranslations } from "next-intl";
import type { MessagePreview } from "@/lib/inbox/queries";

const MEDIA = ["image", "video", "audio", "document", "sticker"] as const;
const isMedia = (type: string): type is (typeof MEDIA)[number] => (MEDIA as readonly string[]).includes(type);

export function PreviewLine({ preview: { type, text } }: { preview: MessagePreview }) {
  const t = useTranslations("inbox");
  if (type === "text") return text ?? "";
  if (type === "button") return text ?? t("preview.button");
  if (type === "interactive") return text ?? t("preview.interactive");
  if (type === "flow") return t("preview.flow");
  if (isMedia(type)) {
    const kind = t(`media.${type}`);
    return text ? t("preview.withText", { kind, text }) : kind;
  }
  if (type === "location")
    return text ? t("preview.withText", { kind: t("preview.location"), text }) : t("preview.location");
  if (type === "contacts") return t("preview.contacts");
  if (type === "reaction") return t("preview.reaction", { emoji: text ?? "" });
  return t("preview.unsupported", { type });
}

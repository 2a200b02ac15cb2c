import { useTranslations } from "next-intl";
import type { Slot } from "@/lib/campaigns/render";

type SlotParts = Partial<Pick<Slot, "kind" | "name" | "text" | "url">> & { label: string };

/** A template variable's name in the reader's words ("Body {{1}}"); an older stored report keeps its label. */
export function useSlotLabel() {
  const t = useTranslations("campaigns.slot");
  return (slot: SlotParts): string => {
    switch (slot.kind) {
      case "header":
        return t("header", { placeholder: `{{${slot.name}}}` });
      case "body":
        return t("body", { placeholder: `{{${slot.name}}}` });
      case "link":
        return t("link", { text: slot.text ?? "", url: slot.url ?? "" });
      case "payload":
        return t("payload", { text: slot.text ?? "" });
      case "copyCode":
        return t("copyCode");
      default:
        return slot.label;
    }
  };
}

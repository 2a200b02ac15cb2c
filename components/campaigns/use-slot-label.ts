import { useTranslations } from "next-intl";
import type { Slot } from "@/lib/campaigns/render";

type SlotParts = Partial<Pick<Slot, "kind" | "name" | "text" | "url" | "card">> & { label: string };

/** A template variable's name in the reader's words ("Body {{1}}"); an older stored report keeps its label. */
export function useSlotLabel() {
  const t = useTranslations("campaigns.slot");
  const label = (slot: SlotParts): string => {
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
      case "offerExpiry":
        return t("offerExpiry");
      default:
        return slot.label;
    }
  };
  // A carousel card's slot says which card ("Card 2: Body {{1}}").
  return (slot: SlotParts): string =>
    slot.card === undefined || !slot.kind ? label(slot) : t("card", { number: slot.card + 1, slot: label(slot) });
}

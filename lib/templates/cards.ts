// A carousel's cards as the builder starts them (kept apart from its fields, which load only for a carousel).
import type { TemplateCard } from "./schemas";

/**
 * A new card: the first card's buttons (Meta wants every card alike), with empty labels and addresses; a link
 * that counts clicks (Parley's tracked address, `tracked`) counts them on the new card too.
 */
export function cardLike(first: TemplateCard | undefined, tracked?: string): TemplateCard {
  return {
    mediaAssetId: "",
    body: "",
    samples: {},
    buttons: (first?.buttons ?? [{ type: "QUICK_REPLY", text: "" }]).map((b) =>
      b.type === "URL"
        ? tracked && b.url === tracked
          ? { type: "URL", text: "", url: tracked, sample: b.sample }
          : { type: "URL", text: "", url: "https://" }
        : b.type === "PHONE_NUMBER"
          ? { type: "PHONE_NUMBER", text: "", phoneNumber: b.phoneNumber }
          : { type: "QUICK_REPLY", text: "" },
    ),
  };
}

export const startCards = (): TemplateCard[] => [cardLike(undefined), cardLike(undefined)];

// The addresses a template message's URL buttons open, as the person's phone would build them: each button's
// template address with the send's ending in place of {{1}}. The message's own buttons, then each carousel
// card's (a card's ending is in the send's "carousel" component, under its card_index).
import { templateButtons } from "@/lib/whatsapp/template-components";

type SendComponent = { type: string; sub_type?: string; index?: unknown; parameters?: unknown; cards?: unknown };

/** The text of the URL button `index` among `sent` (the send's components, or a card's), if any. */
function endingOf(sent: SendComponent[], index: number): string {
  const param = sent.find((c) => c.type === "button" && c.sub_type === "url" && Number(c.index) === index);
  const text = Array.isArray(param?.parameters)
    ? (param.parameters as { type?: string; text?: unknown }[]).find((p) => p.type === "text")?.text
    : undefined;
  return typeof text === "string" ? text : "";
}

function addressesOf(templateComponents: unknown, sent: SendComponent[]): string[] {
  return templateButtons(templateComponents).flatMap((b, index) =>
    b.type.toUpperCase() === "URL" && b.url ? [b.url.replace(/\{\{\s*1\s*\}\}/, endingOf(sent, index))] : [],
  );
}

export function linkAddresses(templateComponents: unknown, sent: readonly unknown[] | undefined): string[] {
  const components = (sent ?? []) as SendComponent[];
  const template = Array.isArray(templateComponents)
    ? (templateComponents as { type?: string; cards?: unknown }[])
    : [];
  const carousel = template.find((c) => typeof c?.type === "string" && c.type.toUpperCase() === "CAROUSEL");
  const cards = Array.isArray(carousel?.cards) ? (carousel.cards as { components?: unknown }[]) : [];
  const sentCards = (components.find((c) => c.type === "carousel")?.cards ?? []) as {
    card_index?: number;
    components?: SendComponent[];
  }[];
  return [
    ...addressesOf(templateComponents, components),
    ...cards.flatMap((card, i) =>
      addressesOf(card.components, sentCards.find((c) => c.card_index === i)?.components ?? []),
    ),
  ];
}

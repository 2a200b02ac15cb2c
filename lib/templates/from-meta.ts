// Meta's components read back into the builder's input (for templates created before the builder, or
// imported from the WhatsApp account). The inverse of payload.ts.
import { LANGUAGE_CODES } from "./languages";
import { placeholders } from "./rules";
import { EMPTY_TEMPLATE, type TemplateButton, type TemplateInput } from "./schemas";

type MetaComponent = {
  type: string;
  format?: string;
  text?: string;
  example?: {
    header_text?: string[];
    body_text?: string[][];
    body_text_named_params?: { param_name: string; example: string }[];
  };
  buttons?: MetaButton[];
  cards?: { components?: MetaComponent[] }[];
  limited_time_offer?: { text?: string; has_expiration?: boolean };
};
type MetaButton = {
  type: string;
  text?: string;
  url?: string;
  phone_number?: string;
  example?: string[] | string;
  flow_id?: string | number;
  navigate_screen?: string;
};

const byType = (components: MetaComponent[], type: string) => components.find((c) => c.type.toUpperCase() === type);

/** A body's text and its samples, by variable name. */
function readBody(body: MetaComponent | undefined) {
  if (!body?.text) return { text: "", samples: {} };
  const vars = [...new Set(placeholders(body.text))];
  const samples: Record<string, string> = {};
  const named = body.example?.body_text_named_params;
  if (named) for (const p of named) samples[p.param_name] = p.example;
  else
    vars
      .sort((a, b) => Number(a) - Number(b))
      .forEach((v, i) => (samples[v] = body.example?.body_text?.[0]?.[i] ?? ""));
  return { text: body.text, samples };
}

function readButtons(component: MetaComponent | undefined): TemplateButton[] {
  return (component?.buttons ?? []).map((b): TemplateButton => {
    const example = Array.isArray(b.example) ? b.example[0] : b.example;
    switch (b.type.toUpperCase()) {
      case "URL":
        return { type: "URL", text: b.text ?? "", url: b.url ?? "", sample: example };
      case "PHONE_NUMBER":
        return { type: "PHONE_NUMBER", text: b.text ?? "", phoneNumber: b.phone_number ?? "" };
      case "COPY_CODE":
        return { type: "COPY_CODE", example: example ?? "" };
      case "FLOW":
        return { type: "FLOW", text: b.text ?? "", flowId: String(b.flow_id ?? ""), screen: b.navigate_screen ?? "" };
      default:
        return { type: "QUICK_REPLY", text: b.text ?? "" };
    }
  });
}

export function fromMetaComponents(t: {
  name: string;
  language: string;
  category: string;
  parameterFormat: string;
  components: unknown;
}): TemplateInput {
  const components = (Array.isArray(t.components) ? t.components : []) as MetaComponent[];
  const find = (type: string) => byType(components, type);
  const input: TemplateInput = {
    ...EMPTY_TEMPLATE,
    name: t.name,
    language: (LANGUAGE_CODES as readonly string[]).includes(t.language) ? t.language : "en_US",
    category: t.category as TemplateInput["category"],
    parameterFormat: t.parameterFormat === "NAMED" ? "NAMED" : "POSITIONAL",
  };
  const header = find("HEADER");
  const format = header?.format?.toUpperCase();
  if (format === "TEXT")
    input.header = { type: "TEXT", text: header!.text ?? "", sample: header!.example?.header_text?.[0] };
  else if (format === "IMAGE" || format === "VIDEO" || format === "DOCUMENT")
    input.header = { type: format, mediaAssetId: "" };
  else if (format === "LOCATION") input.header = { type: "LOCATION" };

  input.body = readBody(find("BODY"));
  input.footer = find("FOOTER")?.text ?? "";
  input.buttons = readButtons(find("BUTTONS"));
  const offer = find("LIMITED_TIME_OFFER")?.limited_time_offer;
  if (offer) input.offer = { text: offer.text ?? "", expires: offer.has_expiration ?? false };
  if (offer) input.format = "LIMITED_TIME_OFFER";
  const cards = find("CAROUSEL")?.cards;
  if (cards) {
    input.format = "CAROUSEL";
    const media = byType(cards[0]?.components ?? [], "HEADER")?.format?.toUpperCase();
    input.cardMedia = media === "VIDEO" ? "VIDEO" : "IMAGE";
    // Meta keeps the cards' media samples as its own handles: the builder asks for files again before an edit.
    input.cards = cards.map((card) => {
      const parts = card.components ?? [];
      const body = readBody(byType(parts, "BODY"));
      return {
        mediaAssetId: "",
        body: body.text,
        samples: body.samples,
        buttons: readButtons(byType(parts, "BUTTONS")),
      };
    });
  }
  return input;
}

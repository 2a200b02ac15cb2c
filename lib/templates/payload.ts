// From the builder's input to Meta's template creation request (POST /{waba-id}/message_templates).
import type { CreateTemplateRequest } from "@/lib/whatsapp/schemas";
import { placeholders } from "./rules";
import type { TemplateButton, TemplateInput } from "./schemas";

type Component = CreateTemplateRequest["components"][number];

/** A body (the message's or a card's) with the samples Meta's reviewers read. */
function bodyComponent(text: string, samples: Record<string, string>, named: boolean): Component {
  const vars = [...new Set(placeholders(text))];
  const ordered = named ? vars : [...vars].sort((a, b) => Number(a) - Number(b));
  return {
    type: "BODY",
    text,
    ...(vars.length
      ? {
          example: named
            ? { body_text_named_params: ordered.map((name) => ({ param_name: name, example: samples[name] ?? "" })) }
            : { body_text: [ordered.map((n) => samples[n] ?? "")] },
        }
      : {}),
  };
}

function buttonsComponent(buttons: TemplateButton[]): Component {
  return {
    type: "BUTTONS",
    buttons: buttons.map((b) => {
      switch (b.type) {
        case "QUICK_REPLY":
          return { type: "QUICK_REPLY", text: b.text };
        case "URL":
          return {
            type: "URL",
            text: b.text,
            url: b.url,
            ...(placeholders(b.url).length && b.sample ? { example: [b.sample] } : {}),
          };
        case "PHONE_NUMBER":
          return { type: "PHONE_NUMBER", text: b.text, phone_number: b.phoneNumber.replace(/[\s-]/g, "") };
        case "COPY_CODE":
          return { type: "COPY_CODE", example: b.example };
        case "FLOW":
          // No screen: an endpoint flow, which WhatsApp opens by asking the endpoint for its first screen.
          return b.screen
            ? { type: "FLOW", text: b.text, flow_id: b.flowId, flow_action: "navigate", navigate_screen: b.screen }
            : { type: "FLOW", text: b.text, flow_id: b.flowId, flow_action: "data_exchange" };
      }
    }),
  };
}

/**
 * `headerHandle` is the handle Meta's Resumable Upload API returned for the header's media sample, required
 * for image, video and document headers; `cardHandles` are a carousel's, one a card, in order.
 */
export function toCreateTemplateRequest(
  input: TemplateInput,
  headerHandle?: string,
  cardHandles: string[] = [],
): CreateTemplateRequest {
  const named = input.parameterFormat === "NAMED";
  const components: Component[] = [];
  const h = input.header;
  if (input.format === "CAROUSEL") {
    // A carousel is its message text and its cards: no header, footer or buttons of its own.
    if (cardHandles.length !== input.cards.length) throw new Error("Every card needs the handle of its media.");
    components.push(bodyComponent(input.body.text, input.body.samples, named), {
      type: "CAROUSEL",
      cards: input.cards.map((card, i) => ({
        components: [
          { type: "HEADER", format: input.cardMedia, example: { header_handle: [cardHandles[i]!] } },
          ...(card.body.trim() ? [bodyComponent(card.body, card.samples, named)] : []),
          ...(card.buttons.length ? [buttonsComponent(card.buttons)] : []),
        ],
      })),
    });
  } else {
    if (h.type === "TEXT") {
      const [variable] = placeholders(h.text);
      components.push({
        type: "HEADER",
        format: "TEXT",
        text: h.text,
        ...(variable && h.sample
          ? {
              example: named
                ? { header_text_named_params: [{ param_name: variable, example: h.sample }] }
                : { header_text: [h.sample] },
            }
          : {}),
      });
    } else if (h.type === "IMAGE" || h.type === "VIDEO" || h.type === "DOCUMENT") {
      if (!headerHandle) throw new Error("A media header needs the handle of its uploaded sample.");
      components.push({ type: "HEADER", format: h.type, example: { header_handle: [headerHandle] } });
    } else if (h.type === "LOCATION") {
      components.push({ type: "HEADER", format: "LOCATION" });
    }
    if (input.format === "LIMITED_TIME_OFFER") {
      components.push({
        type: "LIMITED_TIME_OFFER",
        limited_time_offer: { text: input.offer.text, has_expiration: input.offer.expires },
      });
    }
    components.push(bodyComponent(input.body.text, input.body.samples, named));
    if (input.footer.trim()) components.push({ type: "FOOTER", text: input.footer });
    if (input.buttons.length) components.push(buttonsComponent(input.buttons));
  }
  return {
    name: input.name,
    language: input.language,
    category: input.category,
    ...(named ? { parameter_format: "NAMED" as const } : {}),
    ...(input.ttlSeconds !== null ? { message_send_ttl_seconds: input.ttlSeconds } : {}),
    components,
  };
}

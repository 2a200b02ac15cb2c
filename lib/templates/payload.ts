// From the builder's input to Meta's template creation request (POST /{waba-id}/message_templates).
import type { CreateTemplateRequest } from "@/lib/whatsapp/schemas";
import { placeholders } from "./rules";
import type { TemplateInput } from "./schemas";

type Component = CreateTemplateRequest["components"][number];

/**
 * `headerHandle` is the handle Meta's Resumable Upload API returned for the header's media sample;
 * required for image, video and document headers.
 */
export function toCreateTemplateRequest(input: TemplateInput, headerHandle?: string): CreateTemplateRequest {
  const named = input.parameterFormat === "NAMED";
  const components: Component[] = [];
  const h = input.header;
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

  const vars = [...new Set(placeholders(input.body.text))];
  const ordered = named ? vars : [...vars].sort((a, b) => Number(a) - Number(b));
  components.push({
    type: "BODY",
    text: input.body.text,
    ...(vars.length
      ? {
          example: named
            ? {
                body_text_named_params: ordered.map((name) => ({
                  param_name: name,
                  example: input.body.samples[name] ?? "",
                })),
              }
            : { body_text: [ordered.map((n) => input.body.samples[n] ?? "")] },
        }
      : {}),
  });
  if (input.footer.trim()) components.push({ type: "FOOTER", text: input.footer });
  if (input.buttons.length) {
    components.push({
      type: "BUTTONS",
      buttons: input.buttons.map((b) => {
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
        }
      }),
    });
  }
  return {
    name: input.name,
    language: input.language,
    category: input.category,
    ...(named ? { parameter_format: "NAMED" as const } : {}),
    components,
  };
}

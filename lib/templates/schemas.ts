// The template builder's one schema: the form validates with it as you type, the server parses with it
// again. Every limit of CLOUD_API.md is here, with a message that names the field and the limit: a catalog key
// (templates.errors.*, lib/i18n/message-key.ts) that the form and the action wrapper put in the reader's words.
import { z } from "zod";
import { messageKey, type MessageKey } from "@/lib/i18n/message-key";
import { LANGUAGE_CODES } from "./languages";
import { placeholders } from "./rules";

export const LIMITS = {
  name: 512,
  headerText: 60,
  body: 1024,
  footer: 60,
  buttonLabel: 25,
  buttonsTotal: 10,
  quickReplies: 10,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  url: 2000,
  phoneNumber: 20,
  copyCode: 20,
  sample: 200,
} as const;

type TemplateError = MessageKey & `templates.errors.${string}`;
const tooLong = (key: TemplateError, limit: number, length: number, values: Record<string, string | number> = {}) =>
  messageKey(key, { ...values, limit, length });

export const headerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("NONE") }),
  z.object({ type: z.literal("TEXT"), text: z.string(), sample: z.string().optional() }),
  z.object({
    type: z.literal("IMAGE"),
    mediaAssetId: z.string().min(1, { message: messageKey("templates.errors.headerImage") }),
  }),
  z.object({
    type: z.literal("VIDEO"),
    mediaAssetId: z.string().min(1, { message: messageKey("templates.errors.headerVideo") }),
  }),
  z.object({
    type: z.literal("DOCUMENT"),
    mediaAssetId: z.string().min(1, { message: messageKey("templates.errors.headerDocument") }),
  }),
  z.object({ type: z.literal("LOCATION") }),
]);

/** The media library file a saved draft's header shows, if any: a campaign of the template starts with it. */
export function draftHeaderMediaId(draft: unknown): string | null {
  const parsed = z.object({ header: headerSchema }).safeParse(draft);
  return parsed.success && "mediaAssetId" in parsed.data.header ? parsed.data.header.mediaAssetId : null;
}

export const buttonSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("QUICK_REPLY"), text: z.string() }),
  z.object({ type: z.literal("URL"), text: z.string(), url: z.string(), sample: z.string().optional() }),
  z.object({ type: z.literal("PHONE_NUMBER"), text: z.string(), phoneNumber: z.string() }),
  z.object({ type: z.literal("COPY_CODE"), example: z.string() }),
]);
export type TemplateButton = z.infer<typeof buttonSchema>;

/** The shape alone: what a draft must be to be saved, complete or not. */
export const templateShapeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: messageKey("templates.errors.nameRequired") })
    .max(LIMITS.name, { message: messageKey("templates.errors.nameLong", { limit: LIMITS.name }) })
    .regex(/^[a-z0-9_]+$/, { message: messageKey("templates.errors.nameFormat") }),
  category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"], {
    message: messageKey("templates.errors.category"),
  }),
  language: z.enum(LANGUAGE_CODES, { message: messageKey("templates.errors.language") }),
  parameterFormat: z.enum(["POSITIONAL", "NAMED"]),
  header: headerSchema,
  body: z.object({ text: z.string(), samples: z.record(z.string(), z.string()) }),
  footer: z.string(),
  buttons: z.array(buttonSchema),
});

/** The shape and every rule of Meta's: what a template must be to be submitted. */
export const templateInputSchema = templateShapeSchema.superRefine((t, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const named = t.parameterFormat === "NAMED";
  /** What is wrong with a variable's name in `part` ("header" or "body"), or null. */
  const variableProblem = (part: "header" | "body", name: string) =>
    named
      ? /^[a-z][a-z0-9_]*$/.test(name)
        ? null
        : messageKey(`templates.errors.${part}NotNamed`, { placeholder: `{{${name}}}`, example: "{{first_name}}" })
      : /^\d+$/.test(name)
        ? null
        : messageKey(`templates.errors.${part}NotNumbered`, { placeholder: `{{${name}}}`, example: "{{1}}, {{2}}…" });

  // Header
  if (t.header.type === "TEXT") {
    const text = t.header.text;
    if (!text.trim()) issue(["header", "text"], messageKey("templates.errors.headerTextRequired"));
    if (text.length > LIMITS.headerText)
      issue(["header", "text"], tooLong("templates.errors.headerTextLong", LIMITS.headerText, text.length));
    const vars = placeholders(text);
    if (vars.length > 1) issue(["header", "text"], messageKey("templates.errors.headerOneVariable"));
    for (const v of vars) {
      const problem = variableProblem("header", v);
      if (problem) issue(["header", "text"], problem);
    }
    if (vars.length === 1 && !t.header.sample?.trim())
      issue(["header", "sample"], messageKey("templates.errors.headerSample"));
  }

  // Body
  const body = t.body.text;
  if (!body.trim()) issue(["body", "text"], messageKey("templates.errors.bodyRequired"));
  if (body.length > LIMITS.body)
    issue(["body", "text"], tooLong("templates.errors.bodyLong", LIMITS.body, body.length));
  const vars = [...new Set(placeholders(body))];
  for (const v of vars) {
    const problem = variableProblem("body", v);
    if (problem) issue(["body", "text"], problem);
    else if (!t.body.samples[v]?.trim())
      issue(["body", "samples", v], messageKey("templates.errors.bodySample", { placeholder: `{{${v}}}` }));
    else if (t.body.samples[v]!.length > LIMITS.sample)
      issue(
        ["body", "samples", v],
        tooLong("templates.errors.sampleLong", LIMITS.sample, t.body.samples[v]!.length, { placeholder: `{{${v}}}` }),
      );
  }
  if (!named && vars.length > 0 && vars.every((v) => /^\d+$/.test(v))) {
    const expected = vars.map((_, i) => String(i + 1));
    if ([...vars].sort((a, b) => Number(a) - Number(b)).join() !== expected.join()) {
      issue(["body", "text"], messageKey("templates.errors.bodyGaps", { first: "{{1}}", last: `{{${vars.length}}}` }));
    }
  }
  const trimmed = body.trim();
  if (/^\{\{[^}]*\}\}/.test(trimmed) || /\{\{[^}]*\}\}[.!?]?$/.test(trimmed)) {
    issue(["body", "text"], messageKey("templates.errors.bodyEdges"));
  }
  if (/\}\}\s*\{\{/.test(body)) issue(["body", "text"], messageKey("templates.errors.bodyTouching"));

  // Footer
  if (t.footer.length > LIMITS.footer)
    issue(["footer"], tooLong("templates.errors.footerLong", LIMITS.footer, t.footer.length));
  if (placeholders(t.footer).length > 0) issue(["footer"], messageKey("templates.errors.footerVariables"));

  // Buttons
  const of = (type: TemplateButton["type"]) => t.buttons.filter((b) => b.type === type).length;
  if (t.buttons.length > LIMITS.buttonsTotal)
    issue(
      ["buttons"],
      messageKey("templates.errors.buttonsTotal", { max: LIMITS.buttonsTotal, count: t.buttons.length }),
    );
  if (of("QUICK_REPLY") > LIMITS.quickReplies)
    issue(["buttons"], messageKey("templates.errors.quickReplies", { max: LIMITS.quickReplies }));
  if (of("URL") > LIMITS.urlButtons)
    issue(["buttons"], messageKey("templates.errors.urlButtons", { max: LIMITS.urlButtons }));
  if (of("PHONE_NUMBER") > LIMITS.phoneButtons)
    issue(["buttons"], messageKey("templates.errors.phoneButtons", { max: LIMITS.phoneButtons }));
  if (of("COPY_CODE") > LIMITS.copyCodeButtons)
    issue(["buttons"], messageKey("templates.errors.copyCodeButtons", { max: LIMITS.copyCodeButtons }));
  const kinds = t.buttons.map((b) => (b.type === "QUICK_REPLY" ? "Q" : "O")).join("");
  if (/Q+O+Q/.test(kinds)) issue(["buttons"], messageKey("templates.errors.quickRepliesTogether"));
  t.buttons.forEach((b, i) => {
    const number = { number: i + 1 };
    if (b.type !== "COPY_CODE") {
      if (!b.text.trim()) issue(["buttons", i, "text"], messageKey("templates.errors.buttonLabelRequired", number));
      if (b.text.length > LIMITS.buttonLabel)
        issue(
          ["buttons", i, "text"],
          tooLong("templates.errors.buttonLabelLong", LIMITS.buttonLabel, b.text.length, number),
        );
    }
    if (b.type === "URL") {
      if (b.url.length > LIMITS.url)
        issue(["buttons", i, "url"], tooLong("templates.errors.buttonUrlLong", LIMITS.url, b.url.length, number));
      if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(b.url))
        issue(["buttons", i, "url"], messageKey("templates.errors.buttonUrlFormat", number));
      const urlVars = placeholders(b.url);
      if (urlVars.length > 1 || (urlVars.length === 1 && !/\{\{[^}]+\}\}$/.test(b.url))) {
        issue(["buttons", i, "url"], messageKey("templates.errors.buttonUrlVariable", number));
      }
      if (urlVars.length === 1 && !b.sample?.trim())
        issue(["buttons", i, "sample"], messageKey("templates.errors.buttonUrlSample", number));
    }
    if (b.type === "PHONE_NUMBER") {
      if (b.phoneNumber.length > LIMITS.phoneNumber)
        issue(
          ["buttons", i, "phoneNumber"],
          tooLong("templates.errors.buttonPhoneLong", LIMITS.phoneNumber, b.phoneNumber.length, number),
        );
      if (!/^\+[1-9]\d{6,18}$/.test(b.phoneNumber.replace(/[\s-]/g, "")))
        issue(["buttons", i, "phoneNumber"], messageKey("templates.errors.buttonPhoneFormat", number));
    }
    if (b.type === "COPY_CODE") {
      if (!b.example.trim())
        issue(["buttons", i, "example"], messageKey("templates.errors.buttonCodeRequired", number));
      if (b.example.length > LIMITS.copyCode)
        issue(
          ["buttons", i, "example"],
          tooLong("templates.errors.buttonCodeLong", LIMITS.copyCode, b.example.length, number),
        );
    }
  });
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const EMPTY_TEMPLATE: TemplateInput = {
  name: "",
  category: "MARKETING",
  language: "en_US",
  parameterFormat: "POSITIONAL",
  header: { type: "NONE" },
  body: { text: "", samples: {} },
  footer: "",
  buttons: [],
};

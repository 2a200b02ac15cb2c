// The template builder's one schema: the form validates with it as you type, the server parses with it
// again. Every limit of CLOUD_API.md is here, with a message that names the field and the limit.
import { z } from "zod";
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

const count = (n: number) => n.toLocaleString("en-US");
const tooLong = (field: string, limit: number, length: number) =>
  `${field}: at most ${count(limit)} characters (${count(length)} now).`;

export const headerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("NONE") }),
  z.object({ type: z.literal("TEXT"), text: z.string(), sample: z.string().optional() }),
  z.object({
    type: z.literal("IMAGE"),
    mediaAssetId: z.string().min(1, { message: "Header: choose an image from the media library." }),
  }),
  z.object({
    type: z.literal("VIDEO"),
    mediaAssetId: z.string().min(1, { message: "Header: choose a video from the media library." }),
  }),
  z.object({
    type: z.literal("DOCUMENT"),
    mediaAssetId: z.string().min(1, { message: "Header: choose a PDF from the media library." }),
  }),
  z.object({ type: z.literal("LOCATION") }),
]);

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
    .min(1, { message: "Name: required." })
    .max(LIMITS.name, { message: `Name: at most ${LIMITS.name} characters.` })
    .regex(/^[a-z0-9_]+$/, {
      message: "Name: lowercase letters, digits and underscores only (e.g. summer_sale_2026).",
    }),
  category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"], {
    message: "Category: choose marketing, utility or authentication.",
  }),
  language: z.enum(LANGUAGE_CODES, { message: "Language: choose one of Meta's language codes." }),
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
  const variableProblem = (name: string) =>
    named
      ? /^[a-z][a-z0-9_]*$/.test(name)
        ? null
        : `{{${name}}} is not a named variable: use lowercase letters, digits and underscores, e.g. {{first_name}}.`
      : /^\d+$/.test(name)
        ? null
        : `{{${name}}} is a named variable, but this template uses numbers ({{1}}, {{2}}…). Switch to named variables or renumber.`;

  // Header
  if (t.header.type === "TEXT") {
    const text = t.header.text;
    if (!text.trim()) issue(["header", "text"], "Header text: required (or choose no header).");
    if (text.length > LIMITS.headerText)
      issue(["header", "text"], tooLong("Header text", LIMITS.headerText, text.length));
    const vars = placeholders(text);
    if (vars.length > 1) issue(["header", "text"], "Header text: at most 1 variable.");
    for (const v of vars) {
      const problem = variableProblem(v);
      if (problem) issue(["header", "text"], `Header text: ${problem}`);
    }
    if (vars.length === 1 && !t.header.sample?.trim())
      issue(["header", "sample"], "Header variable: a sample value is required for Meta's review.");
  }

  // Body
  const body = t.body.text;
  if (!body.trim()) issue(["body", "text"], "Body: required.");
  if (body.length > LIMITS.body) issue(["body", "text"], tooLong("Body", LIMITS.body, body.length));
  const vars = [...new Set(placeholders(body))];
  for (const v of vars) {
    const problem = variableProblem(v);
    if (problem) issue(["body", "text"], `Body: ${problem}`);
    else if (!t.body.samples[v]?.trim())
      issue(["body", "samples", v], `Body variable {{${v}}}: a sample value is required for Meta's review.`);
    else if (t.body.samples[v]!.length > LIMITS.sample)
      issue(["body", "samples", v], tooLong(`Sample for {{${v}}}`, LIMITS.sample, t.body.samples[v]!.length));
  }
  if (!named && vars.length > 0 && vars.every((v) => /^\d+$/.test(v))) {
    const expected = vars.map((_, i) => String(i + 1));
    if ([...vars].sort((a, b) => Number(a) - Number(b)).join() !== expected.join()) {
      issue(["body", "text"], `Body: number the variables {{1}} to {{${vars.length}}} without gaps.`);
    }
  }
  const trimmed = body.trim();
  if (/^\{\{[^}]*\}\}/.test(trimmed) || /\{\{[^}]*\}\}[.!?]?$/.test(trimmed)) {
    issue(
      ["body", "text"],
      "Body: may not start or end with a variable (Meta rejects it as INVALID_FORMAT). Add text around it.",
    );
  }
  if (/\}\}\s*\{\{/.test(body))
    issue(["body", "text"], "Body: two variables may not touch; put words or punctuation between them.");

  // Footer
  if (t.footer.length > LIMITS.footer) issue(["footer"], tooLong("Footer", LIMITS.footer, t.footer.length));
  if (placeholders(t.footer).length > 0) issue(["footer"], "Footer: variables are not allowed.");

  // Buttons
  const of = (type: TemplateButton["type"]) => t.buttons.filter((b) => b.type === type).length;
  if (t.buttons.length > LIMITS.buttonsTotal)
    issue(["buttons"], `Buttons: at most ${LIMITS.buttonsTotal} in all (${t.buttons.length} now).`);
  if (of("QUICK_REPLY") > LIMITS.quickReplies) issue(["buttons"], `Quick replies: at most ${LIMITS.quickReplies}.`);
  if (of("URL") > LIMITS.urlButtons) issue(["buttons"], `URL buttons: at most ${LIMITS.urlButtons}.`);
  if (of("PHONE_NUMBER") > LIMITS.phoneButtons)
    issue(["buttons"], `Phone number buttons: at most ${LIMITS.phoneButtons}.`);
  if (of("COPY_CODE") > LIMITS.copyCodeButtons)
    issue(["buttons"], `Copy-code buttons: at most ${LIMITS.copyCodeButtons}.`);
  const kinds = t.buttons.map((b) => (b.type === "QUICK_REPLY" ? "Q" : "O")).join("");
  if (/Q+O+Q/.test(kinds))
    issue(["buttons"], "Buttons: keep the quick replies together, before or after the other buttons.");
  t.buttons.forEach((b, i) => {
    const label = `Button ${i + 1}`;
    if (b.type !== "COPY_CODE") {
      if (!b.text.trim()) issue(["buttons", i, "text"], `${label} label: required.`);
      if (b.text.length > LIMITS.buttonLabel)
        issue(["buttons", i, "text"], tooLong(`${label} label`, LIMITS.buttonLabel, b.text.length));
    }
    if (b.type === "URL") {
      if (b.url.length > LIMITS.url) issue(["buttons", i, "url"], tooLong(`${label} URL`, LIMITS.url, b.url.length));
      if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(b.url))
        issue(["buttons", i, "url"], `${label} URL: a full web address starting with https://.`);
      const urlVars = placeholders(b.url);
      if (urlVars.length > 1 || (urlVars.length === 1 && !/\{\{[^}]+\}\}$/.test(b.url))) {
        issue(
          ["buttons", i, "url"],
          `${label} URL: one variable at most, and only at the very end (a dynamic suffix).`,
        );
      }
      if (urlVars.length === 1 && !b.sample?.trim())
        issue(["buttons", i, "sample"], `${label} URL: a sample suffix is required for Meta's review.`);
    }
    if (b.type === "PHONE_NUMBER") {
      if (b.phoneNumber.length > LIMITS.phoneNumber)
        issue(
          ["buttons", i, "phoneNumber"],
          tooLong(`${label} phone number`, LIMITS.phoneNumber, b.phoneNumber.length),
        );
      if (!/^\+[1-9]\d{6,18}$/.test(b.phoneNumber.replace(/[\s-]/g, "")))
        issue(["buttons", i, "phoneNumber"], `${label} phone number: international format, e.g. +34 910 000 000.`);
    }
    if (b.type === "COPY_CODE") {
      if (!b.example.trim()) issue(["buttons", i, "example"], `${label} code: a sample code is required.`);
      if (b.example.length > LIMITS.copyCode)
        issue(["buttons", i, "example"], tooLong(`${label} code`, LIMITS.copyCode, b.example.length));
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

// The sandbox refuses what Meta refuses: every request body it serves is checked against the Cloud API
// operation's schema in Meta's OpenAPI description (lib/whatsapp/openapi.ts, with its documented overlay),
// and refused in Meta's error shape and code: (#100) for an unknown key, (#131008) for a missing parameter,
// (#131009) for a value of the wrong type, length or pattern. A test cannot pass on a request Meta rejects.
import { metaErrorFor, openApiValidator } from "@/lib/whatsapp/openapi";

export type ContractError = { status: 400; code: 100 | 131008 | 131009; message: string; details: string };

const OPERATIONS = {
  sendMessage: { path: "/{Version}/{Phone-Number-ID}/messages", method: "post" },
  sendMarketingMessage: { path: "/{Version}/{Phone-Number-ID}/marketing_messages", method: "post" },
  markRead: "MarkMessageRequestPayload",
  createTemplate: { path: "/{Version}/{WABA-ID}/message_templates", method: "post" },
  editTemplate: { path: "/{Version}/{TEMPLATE_ID}", method: "post" },
  uploadMedia: { path: "/{Version}/{Phone-Number-ID}/media", method: "post", content: "multipart/form-data" },
  updateFlowMetadata: { path: "/{Version}/{Flow-ID}", method: "post", content: "multipart/form-data" },
} as const;
export type Operation = keyof typeof OPERATIONS | "messages";

const validators = new Map<string, ReturnType<typeof openApiValidator>>();
const validatorFor = (operation: keyof typeof OPERATIONS) => {
  let validate = validators.get(operation);
  if (!validate) validators.set(operation, (validate = openApiValidator(OPERATIONS[operation])));
  return validate;
};

/** Compiles every operation's validator now (a few seconds of CPU), so that no request waits for it. */
export function warmContract(): void {
  for (const operation of Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]) validatorFor(operation);
}

/** The error Meta would answer for this body, or null. "messages" is a send or, with status "read", a read receipt. */
export function contractError(operation: Operation, body: unknown): ContractError | null {
  const resolved =
    operation === "messages"
      ? (body as { status?: unknown } | null)?.status === "read"
        ? "markRead"
        : "sendMessage"
      : operation;
  const result = validatorFor(resolved)(body);
  if (!result.ok) return { status: 400, ...metaErrorFor(result.issues) };
  // `to` became optional when `recipient` (a business-scoped user id) came in 2026; one of them is required.
  const recipient = body as { to?: unknown; recipient?: unknown };
  if (resolved === "sendMessage" && recipient.to === undefined && recipient.recipient === undefined)
    return {
      status: 400,
      code: 131008,
      message: "(#131008) Required parameter is missing",
      details: 'Parameter "to" is required in body.',
    };
  return null;
}

/** A media upload's form fields (the file itself as a marker), checked as the multipart operation describes them. */
export async function mediaContractError(raw: Buffer, contentType: string): Promise<ContractError | null> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
  } catch {
    return {
      status: 400,
      code: 100,
      message: "(#100) Invalid parameter",
      details: "Media upload must be multipart/form-data.",
    };
  }
  const fields = Object.fromEntries(
    [...form.keys()].map((key) => [key, typeof form.get(key) === "string" ? form.get(key) : "(file)"]),
  );
  for (const required of ["messaging_product", "file"]) {
    if (!(required in fields))
      return {
        status: 400,
        code: 131008,
        message: "(#131008) Required parameter is missing",
        details: `Parameter "${required}" is required.`,
      };
  }
  return contractError("uploadMedia", fields);
}

type TemplateButton = { type: string; url?: string };
type SentComponent = { type: string; sub_type?: string; index?: string | number; parameters?: { type: string }[] };

/**
 * What the template itself asks of a send, beyond the schema: a copy-code button needs its coupon_code and a
 * URL button with a variable its text, each in a button component at the button's index (Meta: 131008).
 */
export function templateButtonsError(
  buttons: TemplateButton[],
  components: SentComponent[] | undefined,
): ContractError | null {
  for (const [index, button] of buttons.entries()) {
    const kind = button.type.toUpperCase();
    const needs =
      kind === "COPY_CODE"
        ? { subType: "copy_code", param: "coupon_code" }
        : kind === "URL" && /\{\{.+?\}\}/.test(button.url ?? "")
          ? { subType: "url", param: "text" }
          : null;
    if (!needs) continue;
    const sent = components?.find(
      (c) => c.type === "button" && c.sub_type?.toLowerCase() === needs.subType && Number(c.index) === index,
    );
    if (!sent?.parameters?.some((p) => p.type === needs.param)) {
      return {
        status: 400,
        code: 131008,
        message: "(#131008) Required parameter is missing",
        details: `buttons: the ${kind} button at index ${index} needs a "${needs.param}" parameter (a button component with sub_type "${needs.subType}" and index "${index}").`,
      };
    }
  }
  return null;
}

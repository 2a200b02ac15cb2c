import { messageKey } from "@/lib/i18n/message-key";

/**
 * Meta's reasons for rejecting a template (message_template_status_update `reason`, a template's
 * `rejected_reason`), each with words of its own under templates.rejection.*.
 */
export const REJECTION_REASONS = [
  "ABUSIVE_CONTENT",
  "CATEGORY_NOT_AVAILABLE",
  "INCORRECT_CATEGORY",
  "INVALID_FORMAT",
  "PROMOTIONAL",
  "SCAM",
  "TAG_CONTENT_MISMATCH",
] as const;
type Reason = (typeof REJECTION_REASONS)[number];
const isReason = (code: string): code is Reason => (REJECTION_REASONS as readonly string[]).includes(code);

/** What rows stored before Parley kept a null for "no reason given". */
const LEGACY_NO_REASON = "Rejected by Meta";
const CODE_FIRST = /^([A-Z][A-Z0-9_]+)(?::\s*([\s\S]*))?$/;

/**
 * The words for a stored rejection reason, as a message key: the rejection's stored form is Meta's code, then
 * Meta's own explanation if it gave one ("INVALID_FORMAT: Two variables touch."), or the explanation alone.
 * The code becomes a sentence saying what to do; the explanation (Meta's English) is kept after it.
 */
export function rejectionMessage(stored: string | null | undefined): string {
  const text = stored?.trim() ?? "";
  const match = CODE_FIRST.exec(text);
  const code = match?.[1];
  const detail = (match ? match[2] : text)?.trim();
  const words = !code
    ? messageKey("templates.rejection.none")
    : isReason(code)
      ? messageKey(`templates.rejection.${code}`)
      : messageKey("templates.rejection.other", { code: code.toLowerCase().replaceAll("_", " ") });
  return detail && detail !== LEGACY_NO_REASON
    ? messageKey("templates.rejection.withDetail", { reason: words, detail })
    : words;
}

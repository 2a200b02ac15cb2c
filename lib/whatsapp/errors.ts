// Meta's error codes as decisions: what the sender does next, and a sentence a marketer understands.
// The table is CLOUD_API.md's "Error codes that decide what the sender does".
//
// The sentence is a message key (lib/i18n/message-key.ts) of cloudApi.json's reason, not English: it is
// stored on failed messages and campaigns as it is, and translated where it is shown, in the reader's language.
// Answers to machines (the public API, outbound webhooks) give its English words (englishTranslator.message).
import type { Messages } from "@/lib/i18n/catalog";
import { messageKey } from "@/lib/i18n/message-key";

export type ErrorAction =
  | "retry" // transient: try the same request again with back-off
  | "back_off" // throughput: slow this sender number down, then retry
  | "retry_recipient_later" // pair rate limit: this recipient only, after 4^n seconds
  | "suppress_contact" // never retry this contact (opted out, unreachable, limited by Meta)
  | "pause_campaign" // stop the campaign and alert someone
  | "use_template" // outside the 24-hour window: only a template can go
  | "fix_request"; // our request is wrong: no retry until it is fixed

export type ErrorClassification = {
  code: number;
  action: ErrorAction;
  /** For the marketer: what happened and what to do, as a message key (translate it where it is shown). */
  explanation: string;
  /** Where the contact's state changes because of it. */
  effect?: "opt_out" | "unreachable" | "limited_24h";
};

type Rule = Omit<ErrorClassification, "code" | "explanation">;
/** The codes with a sentence of their own in the catalog: every rule has one, and every sentence a rule. */
type ExplainedCode = keyof Messages["cloudApi"]["reason"];

const RULES = {
  130429: { action: "back_off" },
  80007: { action: "back_off" },
  4: { action: "back_off" },
  131056: { action: "retry_recipient_later" },
  131000: { action: "retry" },
  131016: { action: "retry" },
  2: { action: "retry" },
  131057: { action: "retry" },
  131049: { action: "suppress_contact", effect: "limited_24h" },
  131050: { action: "suppress_contact", effect: "opt_out" },
  131026: { action: "suppress_contact", effect: "unreachable" },
  130403: { action: "suppress_contact" },
  368: { action: "pause_campaign" },
  131031: { action: "pause_campaign" },
  131048: { action: "pause_campaign" },
  131042: { action: "pause_campaign" },
  131047: { action: "use_template" },
  132000: { action: "fix_request" },
  132001: { action: "fix_request" },
  132005: { action: "fix_request" },
  132007: { action: "fix_request" },
  132012: { action: "fix_request" },
  132015: { action: "pause_campaign" },
  132016: { action: "pause_campaign" },
  100: { action: "fix_request" },
  131008: { action: "fix_request" },
  131009: { action: "fix_request" },
  190: { action: "fix_request" },
} satisfies Record<ExplainedCode, Rule>;

const isExplained = (code: number): code is Extract<keyof typeof RULES, number> => Object.hasOwn(RULES, code);

export function classifyError(code: number, httpStatus?: number): ErrorClassification {
  if (isExplained(code)) {
    const rule: Rule = RULES[code];
    return { code, ...rule, explanation: messageKey(`cloudApi.reason.${`${code}` as ExplainedCode}`) };
  }
  // Unknown codes: server-side trouble is worth a retry, anything else needs a person.
  if (httpStatus !== undefined && httpStatus >= 500)
    return { code, action: "retry", explanation: messageKey("cloudApi.serverError", { code }) };
  return { code, action: "fix_request", explanation: messageKey("cloudApi.refused", { code }) };
}

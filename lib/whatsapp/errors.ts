// Meta's error codes as decisions: what the sender does next, and a sentence a marketer understands.
// The table is CLOUD_API.md's "Error codes that decide what the sender does".

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
  /** For the marketer: what happened and what to do. */
  explanation: string;
  /** Where the contact's state changes because of it. */
  effect?: "opt_out" | "unreachable" | "limited_24h";
};

type Rule = Omit<ErrorClassification, "code">;

const RULES: Record<number, Rule> = {
  130429: {
    action: "back_off",
    explanation: "Your number hit its messages-per-second limit. Parley slows down and retries.",
  },
  80007: {
    action: "back_off",
    explanation: "The WhatsApp Business Account hit its API rate limit. Parley slows down and retries.",
  },
  4: { action: "back_off", explanation: "The app hit Meta's API call limit. Parley slows down and retries." },
  131056: {
    action: "retry_recipient_later",
    explanation: "Too many messages to this person in a short time. Parley retries them later.",
  },
  131000: { action: "retry", explanation: "Meta had a temporary problem. Parley retries." },
  131016: { action: "retry", explanation: "WhatsApp is temporarily overloaded or under maintenance. Parley retries." },
  2: { action: "retry", explanation: "Meta's service was briefly unavailable. Parley retries." },
  131057: { action: "retry", explanation: "The business account is in maintenance mode. Parley retries." },
  131049: {
    action: "suppress_contact",
    effect: "limited_24h",
    explanation:
      "Limited by Meta: WhatsApp held back this marketing message to protect the person's experience (this includes the block on marketing to US +1 numbers). Not retried for 24 hours.",
  },
  131050: {
    action: "suppress_contact",
    effect: "opt_out",
    explanation:
      "This person stopped marketing messages from you in WhatsApp. Parley recorded the opt-out and will not message them again.",
  },
  131026: {
    action: "suppress_contact",
    effect: "unreachable",
    explanation: "Undeliverable: the number is not on WhatsApp, or its app is too old. Parley marks it unreachable.",
  },
  130403: {
    action: "suppress_contact",
    explanation: "The recipient cannot be messaged from this account. Not retried.",
  },
  368: {
    action: "pause_campaign",
    explanation:
      "Meta restricted your account for policy violations. The campaign is paused: check Business Support Home.",
  },
  131031: {
    action: "pause_campaign",
    explanation:
      "Your WhatsApp Business Account is locked or restricted. The campaign is paused: check Business Support Home.",
  },
  131048: {
    action: "pause_campaign",
    explanation:
      "Meta's spam rate limit: too many people blocked or reported your messages. The campaign is paused; review the audience and content.",
  },
  131042: {
    action: "pause_campaign",
    explanation:
      "There is a problem with the payment method of your WhatsApp account. The campaign is paused until an admin fixes billing.",
  },
  131047: {
    action: "use_template",
    explanation: "More than 24 hours have passed since this person last wrote: only an approved template can be sent.",
  },
  132000: {
    action: "fix_request",
    explanation: "The number of variables sent does not match the template. Check the variable mapping.",
  },
  132001: {
    action: "fix_request",
    explanation: "The template does not exist in this language, or is not approved yet.",
  },
  132005: { action: "fix_request", explanation: "The text after filling the variables is too long for the template." },
  132007: { action: "fix_request", explanation: "The filled-in template breaks WhatsApp's formatting policy." },
  132012: {
    action: "fix_request",
    explanation: "A variable is in the wrong format (for example text where media was expected).",
  },
  132015: {
    action: "pause_campaign",
    explanation:
      "The template is paused by Meta for low quality. The campaign is paused until the template is active again.",
  },
  132016: {
    action: "pause_campaign",
    explanation: "The template was disabled by Meta for low quality. The campaign is paused: pick another template.",
  },
  100: { action: "fix_request", explanation: "Meta rejected a parameter of the request." },
  131008: { action: "fix_request", explanation: "A required parameter is missing from the request." },
  131009: { action: "fix_request", explanation: "A parameter value is not valid." },
  190: {
    action: "fix_request",
    explanation: "The access token expired or was revoked. An admin must update it in Settings → WhatsApp.",
  },
};

export function classifyError(code: number, httpStatus?: number): ErrorClassification {
  const rule = RULES[code];
  if (rule) return { code, ...rule };
  // Unknown codes: server-side trouble is worth a retry, anything else needs a person.
  if (httpStatus !== undefined && httpStatus >= 500) {
    return {
      code,
      action: "retry",
      explanation: `Meta returned an unexpected server error (${code}). Parley retries.`,
    };
  }
  return {
    code,
    action: "fix_request",
    explanation: `Meta refused the message with error ${code}. It is not retried automatically.`,
  };
}

// What happens to a message after the sandbox accepts it: the webhooks Meta would send, with delays.
// Pure: the same seed, recipient and message count give the same fate, whatever else is going on.
import type { SandboxConfig } from "./config";
import { chance, delay } from "./random";

export type Fate =
  | { kind: "status"; status: "sent" | "delivered" | "read"; afterMs: number }
  | { kind: "failed"; code: number; title: string; afterMs: number }
  | { kind: "reply"; text: string; afterMs: number }
  | { kind: "button"; payload: string; text: string; afterMs: number }
  | { kind: "interactive_reply"; id: string; title: string; afterMs: number }
  | { kind: "stop_keyword"; afterMs: number }
  | { kind: "user_preferences_stop"; afterMs: number }
  | { kind: "link_click"; url: string; afterMs: number }
  | { kind: "flow_reply"; flowId: string; token: string; opening?: FlowOpening; afterMs: number };

/** How a message opens its flow (interactive flow_action and flow_action_payload, or the FLOW button's). */
export type FlowOpening = { action: "navigate" | "data_exchange"; screen?: string; data?: Record<string, unknown> };

export type OutgoingMessage = {
  to: string; // digits only
  /** How many messages this recipient had received before this one: keeps fates independent of order. */
  ordinal: number;
  type: string;
  category?: string; // template category, upper case
  quickReplies: { payload: string; text: string }[];
  replyButtons: { id: string; title: string }[];
  /** The addresses of its URL buttons, when it went through the Marketing Messages API (Meta reports their taps). */
  trackedUrls: string[];
  windowOpen: boolean;
  optedOut: boolean;
  /** The WhatsApp Flow the message opens (an interactive flow or a template's FLOW button), with its token. */
  flow?: { id: string; token: string; opening?: FlowOpening };
};

export const FAILURES = {
  131026: "Message undeliverable",
  131047: "Re-engagement message: more than 24 hours have passed since the customer last replied to this number",
  131049: "This message was not delivered to maintain healthy ecosystem engagement.",
  131050:
    "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business",
  131000: "Something went wrong",
} as const;

const REPLIES = [
  "Thanks! What time do you open on Saturday?",
  "Is this available in the Madrid store?",
  "Can I change my delivery address?",
  "Great, I'll come by tomorrow 🙂",
];

/** Fixed traits of a number: numbers ending 0000 are not on WhatsApp, ending 0001 stopped marketing. */
export function recipientTraits(config: SandboxConfig, to: string) {
  return {
    notOnWhatsApp: to.endsWith("0000") || chance(config.seed, `nowa:${to}`) < config.notOnWhatsAppShare,
    stoppedMarketing: to.endsWith("0001") || chance(config.seed, `stopped:${to}`) < config.stoppedMarketingShare,
  };
}

export function fateOf(config: SandboxConfig, message: OutgoingMessage): Fate[] {
  const key = `${message.to}:${message.ordinal}`;
  const ms = (name: string, min: number, max: number) =>
    delay(config.seed, `${name}:${key}`, min, max) * config.timeScale;
  const roll = (name: string) => chance(config.seed, `${name}:${key}`);
  const traits = recipientTraits(config, message.to);
  const fail = (code: keyof typeof FAILURES): Fate[] => [
    { kind: "failed", code, title: FAILURES[code], afterMs: ms("fail", 200, 900) },
  ];

  if (traits.notOnWhatsApp) return fail(131026);
  const marketing = message.category === "MARKETING";
  if (marketing && (traits.stoppedMarketing || message.optedOut)) return fail(131050);
  if (marketing && message.to.startsWith("1")) return fail(131049); // no marketing templates to US numbers
  if (message.type !== "template" && !message.windowOpen) return fail(131047);
  if (roll("transient") < config.transientFailureShare) return fail(131000);

  const sent = ms("sent", 150, 800);
  const delivered = sent + ms("delivered", 400, 2500);
  const fates: Fate[] = [
    { kind: "status", status: "sent", afterMs: sent },
    { kind: "status", status: "delivered", afterMs: delivered },
  ];
  const reads = roll("read") < config.readShare || message.replyButtons.length > 0;
  let seen = delivered;
  if (reads) {
    seen = delivered + ms("read", 1500, 15000);
    fates.push({ kind: "status", status: "read", afterMs: seen });
  }
  if (!reads) return fates;
  // Out of order, as Meta warns: the read receipt overtakes the delivery receipt.
  if (roll("order") < config.outOfOrderRate) {
    fates[1]!.afterMs = seen + ms("late", 100, 2000);
  }

  // A reader taps a link button: Meta reports it by webhook and the person's browser opens the address.
  if (message.trackedUrls.length > 0 && roll("click") < config.linkClickShare) {
    const url = message.trackedUrls[Math.floor(roll("link") * message.trackedUrls.length)]!;
    fates.push({ kind: "link_click", url, afterMs: seen + ms("click", 1000, 8000) });
  }
  const answer = seen + ms("answer", 2000, 20000);
  // A form: most readers fill it in (a minute or so later), the others abandon it.
  if (message.flow) {
    if (roll("flow") < config.flowCompleteShare)
      fates.push({
        kind: "flow_reply",
        flowId: message.flow.id,
        token: message.flow.token,
        opening: message.flow.opening,
        afterMs: seen + ms("form", 5000, 40000),
      });
    return fates;
  }
  if (message.replyButtons.length > 0) {
    const choice = message.replyButtons[Math.floor(roll("choice") * message.replyButtons.length)]!;
    fates.push({ kind: "interactive_reply", id: choice.id, title: choice.title, afterMs: seen + ms("tap", 800, 4000) });
  } else if (roll("stop") < config.stopShare) {
    fates.push({ kind: "stop_keyword", afterMs: answer });
  } else if (roll("prefs") < config.userPreferencesStopShare) {
    fates.push({ kind: "user_preferences_stop", afterMs: answer });
  } else if (message.quickReplies.length > 0 && roll("tap") < config.buttonTapShare) {
    const button = message.quickReplies[Math.floor(roll("which") * message.quickReplies.length)]!;
    fates.push({ kind: "button", payload: button.payload, text: button.text, afterMs: answer });
  } else if (roll("reply") < config.replyShare) {
    fates.push({ kind: "reply", text: REPLIES[Math.floor(roll("text") * REPLIES.length)]!, afterMs: answer });
  }
  return fates;
}

/** Meta's transient server errors, as the Cloud API answers them with HTTP 500. */
export const TRANSIENT_SERVER_ERRORS = {
  1: "An unknown error occurred",
  2: "Service temporarily unavailable",
  131000: "Something went wrong",
} as const;

export type Fault = { kind: "fail"; code: keyof typeof TRANSIENT_SERVER_ERRORS } | { kind: "hang"; ms: number } | null;

/** What goes wrong with a send call, if anything: keyed by the recipient and how many calls for them came
 *  before, so a retry rolls again and the outcome does not depend on the order calls arrive in. */
export function faultOf(config: SandboxConfig, to: string, call: number): Fault {
  const { failShare, hangShare, hangMs } = config.faults;
  if (failShare === 0 && hangShare === 0) return null;
  const roll = chance(config.seed, `fault:${to}:${call}`);
  if (roll < failShare) {
    const codes = Object.keys(TRANSIENT_SERVER_ERRORS).map(Number) as (keyof typeof TRANSIENT_SERVER_ERRORS)[];
    return { kind: "fail", code: codes[Math.floor(chance(config.seed, `faultcode:${to}:${call}`) * codes.length)]! };
  }
  if (roll < failShare + hangShare) return { kind: "hang", ms: hangMs };
  return null;
}

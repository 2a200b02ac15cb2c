// Pure: when WhatsApp is the wrong channel for a message or an audience (the design brief: "where it cannot
// deliver (not on WhatsApp, urgent), the product says so"). Advice, not a rule: the template builder and
// the campaign pre-flight show it as a warning that names the reason and what to do instead.

type ChannelAdvice =
  | { code: "tooLong"; values: { length: number; limit: number } }
  | { code: "urgent"; values: { word: string } }
  | { code: "notOnWhatsApp"; values: { count: number; targeted: number; percent: number } };

/** Past this many characters a body reads as a letter, not a chat message (Meta allows 1,024). */
export const LONG_FOR_CHAT = 600;

/** From this share of the audience unreachable on WhatsApp, another channel is worth it. */
const NOT_ON_WHATSAPP_SHARE = 0.1;

// Words of an urgent notice in the six languages Parley speaks. WhatsApp gives no delivery guarantee or
// time: a phone that is off or offline gets it later, and people read chats when they choose.
const URGENT_WORDS = [
  // en
  "urgent",
  "urgently",
  "immediately",
  "emergency",
  "evacuate",
  "evacuation",
  "outage",
  "recall",
  "action required",
  // es, pt, it
  "urgente",
  "inmediatamente",
  "emergencia",
  "imediatamente",
  "emergência",
  "immediatamente",
  "emergenza",
  // fr
  "urgence",
  "immédiatement",
  // sv
  "brådskande",
  "omedelbart",
  "akut",
  "nödläge",
];
const URGENT = new RegExp(`(?<![\\p{L}\\p{N}])(${URGENT_WORDS.join("|")})(?![\\p{L}\\p{N}])`, "iu");

type MetaComponent = { type?: string; format?: string; text?: string };

/** An approved template's header text (if any) and body, from Meta's components, for contentAdvice. */
export function templateText(components: unknown): { header: string | null; body: string } {
  const list = (Array.isArray(components) ? components : []) as MetaComponent[];
  const of = (type: string) => list.find((c) => c.type?.toUpperCase() === type);
  const header = of("HEADER");
  return {
    header: header?.format?.toUpperCase() === "TEXT" ? (header.text ?? null) : null,
    body: of("BODY")?.text ?? "",
  };
}

/** What a message's text says about the channel: too long for a chat, or an urgent notice. */
export function contentAdvice(text: { header?: string | null; body: string }): ChannelAdvice[] {
  const advice: ChannelAdvice[] = [];
  if (text.body.length > LONG_FOR_CHAT)
    advice.push({ code: "tooLong", values: { length: text.body.length, limit: LONG_FOR_CHAT } });
  const urgent = URGENT.exec(`${text.header ?? ""}\n${text.body}`);
  if (urgent) advice.push({ code: "urgent", values: { word: urgent[1]!.toLowerCase() } });
  return advice;
}

/** A share of the audience that WhatsApp cannot reach (not on WhatsApp, or no valid number). */
export function audienceAdvice(audience: {
  targeted: number;
  notOnWhatsApp: number;
}): Extract<ChannelAdvice, { code: "notOnWhatsApp" }> | null {
  const { targeted, notOnWhatsApp } = audience;
  if (targeted <= 0 || notOnWhatsApp <= 0 || notOnWhatsApp / targeted < NOT_ON_WHATSAPP_SHARE) return null;
  return {
    code: "notOnWhatsApp",
    values: { count: notOnWhatsApp, targeted, percent: Math.round((notOnWhatsApp / targeted) * 100) },
  };
}

// Opt-out and opt-in keywords applied to inbound messages. The Audiences work makes them configurable
// per workspace; these are the defaults, in the languages of the seed markets.
export const DEFAULT_OPT_OUT_KEYWORDS = ["STOP", "STOP PROMOTIONS", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "BAJA", "ARRÊT", "ARRET", "PARAR", "SAIR", "STOPP"];
export const DEFAULT_OPT_IN_KEYWORDS = ["START", "UNSTOP", "SUBSCRIBE", "ALTA", "RESUME"];

function normalise(text: string): string {
  return text.trim().replace(/[.!¡?¿]+$/u, "").replace(/\s+/g, " ").toUpperCase();
}

/** What an inbound text or button means for consent, if anything: the whole message must be the keyword. */
export function consentKeyword(
  text: string | undefined,
  keywords = { optOut: DEFAULT_OPT_OUT_KEYWORDS, optIn: DEFAULT_OPT_IN_KEYWORDS },
): "OPT_OUT" | "OPT_IN" | null {
  if (!text) return null;
  const word = normalise(text);
  if (keywords.optOut.includes(word)) return "OPT_OUT";
  if (keywords.optIn.includes(word)) return "OPT_IN";
  return null;
}

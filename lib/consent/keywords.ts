// Opt-out and opt-in keywords, set per workspace (defaults in the schema: STOP, UNSUBSCRIBE, BAJA, ARRÊT,
// PARAR…), applied to inbound messages: the whole message must be the keyword.
export type Keywords = { optOut: string[]; optIn: string[] };

export function normaliseKeyword(text: string): string {
  return text
    .trim()
    .replace(/[.!¡?¿]+$/u, "")
    .replace(/\s+/g, " ")
    .toUpperCase();
}

export function consentKeyword(text: string | undefined, keywords: Keywords): "OPT_OUT" | "OPT_IN" | null {
  if (!text) return null;
  const word = normaliseKeyword(text);
  if (keywords.optOut.some((k) => normaliseKeyword(k) === word)) return "OPT_OUT";
  if (keywords.optIn.some((k) => normaliseKeyword(k) === word)) return "OPT_IN";
  return null;
}

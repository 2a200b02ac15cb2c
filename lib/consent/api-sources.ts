// Where a person gave or withdrew consent, as a public API caller names it, and the source Parley records.
// Pure, so the operation schemas (lib/api/operations/consent.ts) can share it.
import type { ConsentSource } from "@/lib/db/generated/enums";

export const API_CONSENT_SOURCES = {
  web_form: "WEB_FORM",
  sms: "SMS",
  chat: "CHAT",
  phone: "PHONE",
  paper: "PAPER",
} as const satisfies Record<string, ConsentSource>;
export type ApiConsentSource = keyof typeof API_CONSENT_SOURCES;
export const API_CONSENT_SOURCE_NAMES = Object.keys(API_CONSENT_SOURCES) as [ApiConsentSource, ...ApiConsentSource[]];

/** A consent event's source as the API shows it (automatic ones too: `keyword`, `import`, `whatsapp_setting`…). */
export function apiSourceName(source: ConsentSource): string {
  return source.toLowerCase();
}

/** How far in the future a caller's clock may put `occurredAt` (clocks drift). */
export const CLOCK_SKEW_MS = 5 * 60_000;

// Phone numbers are stored in E.164 (+34610000001). Input in any common format is normalised with
// libphonenumber-js, using the workspace's default country for numbers written without one.
import { parsePhoneNumberWithError, type CountryCode } from "libphonenumber-js/max";

/** Why a number was refused, as a code a screen can word in its own language (the reason is English). */
export type PhoneProblem =
  "empty" | "INVALID_COUNTRY" | "NOT_A_NUMBER" | "TOO_SHORT" | "TOO_LONG" | "INVALID_LENGTH" | "invalid_for_country";
export type PhoneResult =
  { ok: true; e164: string } | { ok: false; reason: string; code: PhoneProblem; country?: string };

const REASONS: Record<Exclude<PhoneProblem, "empty" | "invalid_for_country">, string> = {
  INVALID_COUNTRY: "no country code, and no default country to assume",
  NOT_A_NUMBER: "not a phone number",
  TOO_SHORT: "too short",
  TOO_LONG: "too long",
  INVALID_LENGTH: "the wrong length for its country",
};

export function normalisePhone(input: string, defaultCountry?: string): PhoneResult {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: "empty", code: "empty" };
  // WhatsApp ids (wa_id) and numbers written 00… carry the country code without the +.
  const text = raw.startsWith("00") ? `+${raw.slice(2)}` : raw;
  try {
    const phone = parsePhoneNumberWithError(text, defaultCountry as CountryCode | undefined);
    if (!phone.isValid()) {
      const country = phone.country ?? `+${phone.countryCallingCode}`;
      return { ok: false, reason: `not a valid number for ${country}`, code: "invalid_for_country", country };
    }
    return { ok: true, e164: phone.number };
  } catch (error) {
    const message = error instanceof Error ? error.message : "NOT_A_NUMBER";
    const code = Object.hasOwn(REASONS, message) ? (message as keyof typeof REASONS) : "NOT_A_NUMBER";
    return { ok: false, reason: REASONS[code], code };
  }
}

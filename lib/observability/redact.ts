// What never leaves the process in a log line or a span: secrets and phone numbers.

/** Field names whose values never reach a log line, at the top level and one level down (`{ contact: { phone } }`). */
export const REDACTED_KEYS = [
  "token",
  "accessToken",
  "access_token",
  "appSecret",
  "app_secret",
  "password",
  "passwordHash",
  "authorization",
  "cookie",
  "secret",
  "key",
  "apiKey",
  "phone",
  "to",
  "from",
  "wa_id",
  "recipient",
  "recipient_id",
];

// A run of 10 to 15 digits, with or without "+": a phone number in E.164 or as Meta writes wa_id.
const PHONE = /(?<![\w.])\+?\d{10,15}(?!\w)/g;

/** Free text (an error's message or stack) with phone numbers replaced by "[phone]". */
export function scrubPhones(text: string): string {
  return text.replace(PHONE, "[phone]");
}

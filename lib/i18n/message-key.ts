import type { Messages, NestedKeyOf } from "next-intl";

/**
 * The one way a message written far from the screen (a zod schema's message, an AppError thrown by a domain
 * service) is translated: it carries a catalog key instead of English, and the place that shows it
 * (FieldError, StatusMessage, the action wrapper) translates it in the reader's language.
 *
 *   z.string().min(1, { message: messageKey("errors.fields.required") })
 *   throw new ConflictError(messageKey("errors.conflict.nameTaken", { name }))
 *
 * The key is a full path ("namespace.key"), checked by tsc. Arguments travel after a "|" as JSON. Text that is
 * not a key (English from code not converted yet, rows stored before their text became a key, or text already
 * translated by the server) is shown as it is.
 *
 * An argument may itself be a message (a key, with its own arguments): it is translated too, so a sentence
 * can wrap another one written elsewhere, e.g. a campaign paused because of Meta's error, with Meta's
 * explanation (lib/whatsapp/errors.ts) inside:
 *
 *   messageKey("campaigns.statusReason.pausedByMeta", { code, reason: messageKey("cloudApi.reason.368") })
 */
export type MessageKey = NestedKeyOf<Messages>;
type Values = Record<string, string | number>;

export const messageKey = (key: MessageKey, values?: Values): string =>
  values ? `${key}|${JSON.stringify(values)}` : key;

/** A translator over every namespace: next-intl's `useTranslations()` or `await getTranslations()`. */
type RootTranslator = {
  has(key: never): boolean;
  (key: never, values?: never): string;
};

const KEY = /^[A-Za-z][\w-]*(\.[\w-]+)+$/;

/** The text to show for `message`: translated when it is a key the catalog has, else as it is. */
export function translateMessage(t: RootTranslator, message: string): string {
  return translate(t, message, true);
}

function translate(t: RootTranslator, message: string, outermost: boolean): string {
  const bar = message.indexOf("|");
  const key = bar === -1 ? message : message.slice(0, bar);
  const has = t.has as (key: string) => boolean;
  if (!KEY.test(key)) return message;
  if (!has(key)) {
    // In the browser, a key its part of the app was not sent (lib/i18n/client-messages.ts): said as next-intl says
    // a missing message, so the browser tests fail on it. (An argument may be plain text that looks like a key.)
    if (outermost && typeof window !== "undefined") console.error(`MISSING_MESSAGE: ${key} (translateMessage)`);
    return message;
  }
  let values: Values | undefined;
  try {
    values = bar === -1 ? undefined : (JSON.parse(message.slice(bar + 1)) as Values);
  } catch {
    return message;
  }
  if (values)
    values = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        typeof value === "string" ? translate(t, value, false) : value,
      ]),
    );
  return (t as unknown as (key: string, values?: Values) => string)(key, values);
}

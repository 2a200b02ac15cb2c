import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_MESSAGES, pickMessages, type ClientPart } from "@/lib/i18n/client-messages";

/**
 * next-intl's provider for the Client Components below it, with only the messages that part of the app
 * translates in the browser (lib/i18n/client-messages.ts). A provider inside another replaces its messages.
 */
export async function ClientMessages({ part, children }: { part: ClientPart; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), CLIENT_MESSAGES[part]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

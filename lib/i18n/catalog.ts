import type { Locale } from "./config";
import campaigns from "@/messages/en/campaigns.json";
import common from "@/messages/en/common.json";
import account from "@/messages/en/account.json";
import auth from "@/messages/en/auth.json";
import errors from "@/messages/en/errors.json";
import cloudApi from "@/messages/en/cloudApi.json";
import shell from "@/messages/en/shell.json";
import links from "@/messages/en/links.json";
import home from "@/messages/en/home.json";
import templates from "@/messages/en/templates.json";
import audiences from "@/messages/en/audiences.json";
import inbox from "@/messages/en/inbox.json";
import analytics from "@/messages/en/analytics.json";
import settings from "@/messages/en/settings.json";
import developers from "@/messages/en/developers.json";
import journeys from "@/messages/en/journeys.json";
import flows from "@/messages/en/flows.json";
import flowEndpoint from "@/messages/en/flowEndpoint.json";

/**
 * Messages are split by namespace, one file per namespace and locale (messages/<locale>/<namespace>.json),
 * so each area of the product owns its own files. English is imported statically: its shape is the type
 * every other locale must match (see global.d.ts), so a key used in code but missing in English fails tsc.
 */
export const english = {
  common,
  account,
  auth,
  errors,
  cloudApi,
  shell,
  links,
  home,
  campaigns,
  templates,
  audiences,
  inbox,
  analytics,
  settings,
  developers,
  journeys,
  flows,
  flowEndpoint,
};

export type Messages = typeof english;
export const namespaces = Object.keys(english) as (keyof Messages)[];

export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === "en") return english;
  const entries = await Promise.all(
    namespaces.map(async (namespace) => {
      const file = (await import(`@/messages/${locale}/${namespace}.json`)) as { default: unknown };
      return [namespace, file.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Messages;
}

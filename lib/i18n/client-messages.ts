// The part of the catalog each part of the app sends to the browser. Server Components translate on the server;
// only Client Components need messages in the browser, and next-intl's provider would otherwise serialise the
// whole catalog (about 155 KB in English) into the HTML of every page. Each part lists the namespaces its Client
// Components translate with and the keys its server code may hand them (a form's error, an action's outcome,
// a stored reason): client-messages.test.ts reads the code and fails when a part misses one.
import type { Messages } from "./catalog";

/** Every page: the sign-in pages, tracked links, the root error pages and the API reference. */
const ROOT = [
  "common",
  "errors",
  "auth",
  "developers",
  "cloudApi.reason",
  "campaigns.errors",
  "campaigns.statusReason",
];
/** Keys the dashboard's domains hand to a page (an action's refusal, a recipient's or a send's reason, an alert). */
const DOMAIN_REASONS = [
  "account.preferences",
  "audiences.errors",
  "campaigns.preflight",
  "campaigns.purpose",
  "cloudApi",
  "flowEndpoint.errors",
  "inbox.errors",
  "settings.errors",
  "settings.pricing",
  "templates.errors",
  "templates.media",
  "templates.rejection",
];
/** Every signed-in page: the shell (navigation, account menu, alert banners) and the domains' reasons. */
const DASHBOARD = [...ROOT, "shell", "settings.users.roles", ...DOMAIN_REASONS];

export const CLIENT_MESSAGES = {
  root: ROOT,
  dashboard: DASHBOARD,
  account: [...DASHBOARD, "account", "settings.users.changePassword"],
  analytics: [...DASHBOARD, "analytics"],
  audiences: [...DASHBOARD, "audiences"],
  campaigns: [...DASHBOARD, "campaigns", "analytics", "templates.preview"],
  flows: [...DASHBOARD, "flows"],
  home: [...DASHBOARD, "home"],
  inbox: [...DASHBOARD, "inbox", "campaigns", "templates"],
  journeys: [...DASHBOARD, "journeys", "campaigns", "templates"],
  settings: [...DASHBOARD, "settings", "flowEndpoint"],
  templates: [...DASHBOARD, "templates"],
} satisfies Record<string, string[]>;

export type ClientPart = keyof typeof CLIENT_MESSAGES;

type Tree = { [key: string]: string | Tree };

/** The messages at these paths ("campaigns", "templates.media"), each at its place in the catalog. */
export function pickMessages(messages: Messages, paths: readonly string[]): Partial<Messages> {
  const picked: Tree = {};
  // A part of a namespace also picked whole is in it already (and is never written into the catalog's own objects).
  const wanted = paths.filter((path) => !paths.some((other) => path.startsWith(`${other}.`)));
  for (const path of wanted) {
    const keys = path.split(".");
    let from: Tree | string | undefined = messages as unknown as Tree;
    for (const key of keys) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let to = picked;
    for (const key of keys.slice(0, -1)) to = (to[key] as Tree | undefined) ?? (to[key] = {});
    to[keys.at(-1)!] = from;
  }
  return picked as Partial<Messages>;
}

// Who may do what: the one table every page, action and route handler consults (fail closed).
import type { Role } from "@/lib/db/generated/enums";
import type { Messages } from "@/lib/i18n/catalog";

/** next-auth's session cookie, by its plain and its secure (https) name. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export const ROLES = ["ADMIN", "MARKETER", "MANAGER"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "campaigns.view",
  "campaigns.edit",
  "campaigns.approve",
  "templates.view",
  "templates.edit",
  "audiences.view",
  "contacts.edit",
  "consent.edit",
  "inbox.view",
  "inbox.reply",
  "analytics.view",
  "settings.manage",
  "users.manage",
  "audit.view",
  "account.manage", // one's own password: every member
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  "campaigns.view",
  "templates.view",
  "audiences.view",
  "inbox.view",
  "analytics.view",
  "account.manage",
];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  MARKETER: new Set([...READ, "campaigns.edit", "templates.edit", "contacts.edit", "inbox.reply"]),
  MANAGER: new Set([...READ, "campaigns.approve"]),
};

/** Unknown or missing roles get nothing. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (GRANTS[role]?.has(permission) ?? false);
}

/** `label` is a key of the shell.nav messages: the sidebar shows it in the reader's language. */
export type NavItem = { href: string; label: NavLabel; permission: Permission; children?: NavItem[] };
type NavLabel = keyof Messages["shell"]["nav"];

export const NAVIGATION: NavItem[] = [
  { href: "/home", label: "home", permission: "account.manage" }, // every member has a home
  { href: "/campaigns", label: "campaigns", permission: "campaigns.view" },
  { href: "/journeys", label: "journeys", permission: "campaigns.view" },
  { href: "/flows", label: "flows", permission: "campaigns.view" },
  { href: "/templates", label: "templates", permission: "templates.view" },
  {
    href: "/audiences",
    label: "audiences",
    permission: "audiences.view",
    children: [
      { href: "/audiences/contacts", label: "contacts", permission: "audiences.view" },
      { href: "/audiences/segments", label: "segments", permission: "audiences.view" },
      { href: "/audiences/consent-lists", label: "consentLists", permission: "audiences.view" },
    ],
  },
  { href: "/inbox", label: "inbox", permission: "inbox.view" },
  { href: "/analytics", label: "analytics", permission: "analytics.view" },
  {
    href: "/settings",
    label: "settings",
    permission: "settings.manage",
    children: [
      { href: "/settings/workspace", label: "workspace", permission: "settings.manage" },
      { href: "/settings/whatsapp", label: "whatsapp", permission: "settings.manage" },
      { href: "/settings/api", label: "api", permission: "settings.manage" },
      { href: "/settings/webhooks", label: "webhooks", permission: "settings.manage" },
      { href: "/settings/flows", label: "flowEndpoint", permission: "settings.manage" },
      { href: "/settings/pricing", label: "pricing", permission: "settings.manage" },
      { href: "/settings/users", label: "users", permission: "users.manage" },
      { href: "/settings/audit-log", label: "auditLog", permission: "audit.view" },
    ],
  },
];

/** The navigation a role may use; everything else is hidden (and refused on the server). */
export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION.filter((item) => can(role, item.permission)).map((item) => ({
    ...item,
    children: item.children?.filter((child) => can(role, child.permission)),
  }));
}

/** Where a role lands after signing in: the one home, which shows each role what it may see and act on. */
export function homeFor(_role: Role): string {
  return "/home";
}

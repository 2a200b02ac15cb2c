// Who may do what: the one table every page, action and route handler consults (fail closed).
import type { Role } from "@/lib/db/generated/enums";

/** next-auth's session cookie, by its plain and its secure (https) name. */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export const ROLES = ["ADMIN", "MARKETER", "MANAGER"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", MARKETER: "Marketer", MANAGER: "Manager" };

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

export type NavItem = { href: string; label: string; permission: Permission; children?: NavItem[] };

export const NAVIGATION: NavItem[] = [
  { href: "/home", label: "Home", permission: "account.manage" }, // every member has a home
  { href: "/campaigns", label: "Campaigns", permission: "campaigns.view" },
  { href: "/templates", label: "Templates", permission: "templates.view" },
  {
    href: "/audiences",
    label: "Audiences",
    permission: "audiences.view",
    children: [
      { href: "/audiences/contacts", label: "Contacts", permission: "audiences.view" },
      { href: "/audiences/segments", label: "Segments", permission: "audiences.view" },
      { href: "/audiences/consent-lists", label: "Consent lists", permission: "audiences.view" },
    ],
  },
  { href: "/inbox", label: "Inbox", permission: "inbox.view" },
  { href: "/analytics", label: "Analytics", permission: "analytics.view" },
  {
    href: "/settings",
    label: "Settings",
    permission: "settings.manage",
    children: [
      { href: "/settings/workspace", label: "Workspace", permission: "settings.manage" },
      { href: "/settings/whatsapp", label: "WhatsApp", permission: "settings.manage" },
      { href: "/settings/api", label: "API", permission: "settings.manage" },
      { href: "/settings/webhooks", label: "Webhooks", permission: "settings.manage" },
      { href: "/settings/users", label: "Users", permission: "users.manage" },
      { href: "/settings/audit-log", label: "Audit log", permission: "audit.view" },
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

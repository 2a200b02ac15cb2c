// The demo logins, printed by `npm start` and used by the browser tests. Demo data only.
import type { Role } from "@/lib/db/generated/enums";

export const DEMO_WORKSPACE_SLUG = "demo";

export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@parley.demo", name: "Ada Admin", role: "ADMIN", password: "parley-admin-demo" },
  { email: "marketer@parley.demo", name: "Mia Marketer", role: "MARKETER", password: "parley-marketer-demo" },
  { email: "manager@parley.demo", name: "Max Manager", role: "MANAGER", password: "parley-manager-demo" },
];

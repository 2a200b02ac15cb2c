// The one server-side guard. Pages, server actions and route handlers all ask it; no session or no
// permission means no access.
import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { resolveSession, type CurrentUser } from "./sessions";

export type { CurrentUser };

/** The signed-in user for this request (looked up once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: unknown } | null;
  return typeof session?.sid === "string" ? resolveSession(session.sid) : null;
});

/** For server actions and route handlers: throws when the caller may not do this. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  if (!can(user.role, permission)) throw new ForbiddenError();
  return user;
}

/** For pages: anonymous visitors go to the login page, the wrong role gets the 403 page. */
export async function guardPage(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}

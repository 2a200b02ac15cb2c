// The one server-side guard. Pages, server actions and route handlers all ask it; no session or no
// permission means no access.
import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { env } from "@/lib/env";
import { can, SESSION_COOKIES, type Permission } from "./permissions";
import { resolveSession, type CurrentUser } from "./sessions";

export type { CurrentUser };

/** The signed-in user for this request (looked up once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Reading cookies first also marks every guarded page as rendered per request.
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  // The cookie is next-auth's encrypted JWT; all it carries is the id of a server-side session row.
  const token = await decode({ token: raw, secret: env().AUTH_SECRET }).catch(() => null);
  return typeof token?.sid === "string" ? resolveSession(token.sid) : null;
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

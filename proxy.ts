// Sends anonymous visitors to the login page. It only looks for the session cookie: deciding who may
// see what is the server-side guard's job (lib/auth/guard.ts), on every page, action and route.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/permissions";

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") login.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the login page, the API, tracked campaign links (r/, opened by recipients) and static files.
  // API routes answer for themselves (401 JSON), and large uploads must not be buffered here.
  matcher: ["/((?!login|api/|r/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico)$).*)"],
};

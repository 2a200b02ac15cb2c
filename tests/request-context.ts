// What next/headers and next/cache give a server action inside a request, for integration tests that
// call actions directly (as a caller without the UI would). tests/integration-setup.ts installs the mocks.
import { SESSION_COOKIES } from "@/lib/auth/permissions";
import { sessionCookieFor } from "./factories";

export const cookieJar = new Map<string, string>();

/** The next action calls run as this member, with a real session cookie. */
export async function actAs(userId: string, workspaceId: string) {
  cookieJar.set(SESSION_COOKIES[0]!, await sessionCookieFor(userId, workspaceId));
}

export function actAnonymously(cookie?: string) {
  cookieJar.clear();
  if (cookie) cookieJar.set(SESSION_COOKIES[0]!, cookie);
}

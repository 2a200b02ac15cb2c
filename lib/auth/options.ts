// next-auth configuration: email + password, a JWT cookie that names a server-side session row.
import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { rememberPreferences } from "@/lib/i18n/preferences";
import { verifyLogin } from "./login";
import { createSession, deleteSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

type Headers = Record<string, string | string[] | undefined> | undefined;

function header(headers: Headers, name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address, as the web process worked it out from the connection and the proxies it trusts
 * (lib/client-ip.ts). X-Forwarded-For itself is never read here: any client can write it.
 */
export function clientIp(headers: Headers): string {
  return header(headers, CLIENT_IP_HEADER) || "unknown";
}

export function authOptions(): AuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const headers = req?.headers as Headers;
          const result = await verifyLogin(credentials, clientIp(headers));
          // next-auth passes a thrown message to the sign-in form as it is.
          if (!result.ok) throw new Error(result.message);
          const sessionId = await createSession({
            userId: result.userId,
            workspaceId: result.workspaceId,
            userAgent: header(headers, "user-agent")?.slice(0, 300),
            ip: clientIp(headers),
          });
          // The language and zone they saved apply from the first page (a cookie: lib/i18n/preferences.ts).
          await rememberPreferences(result, { atSignIn: true });
          return { id: result.userId, sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sessionId" in user) token.sid = user.sessionId as string;
        return token;
      },
      session({ session, token }) {
        // The browser learns nothing but its session id; the server reads everything else fresh.
        return { expires: session.expires, sid: token.sid } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await deleteSession(token.sid);
      },
    },
  };
}

import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { assertSameOrigin, jsonError } from "@/lib/http";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

/** Sign-in and sign-out from another site's page are refused before next-auth sees them (login CSRF). */
async function post(request: Request, context: Context) {
  try {
    assertSameOrigin(request);
  } catch (error) {
    return jsonError(error);
  }
  return handler(request, context);
}

export { handler as GET, post as POST };

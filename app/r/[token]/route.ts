import { openTrackedLink } from "@/lib/campaigns/links";

export const dynamic = "force-dynamic";

/** A tracked campaign link (lib/campaigns/links.ts): counts the open, then goes to the campaign's address. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const destination = await openTrackedLink(token);
  if (!destination) {
    return new Response("This link is not valid. It may have been copied incompletely.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(null, { status: 302, headers: { location: destination, "cache-control": "no-store" } });
}

import { openTrackedLink } from "@/lib/campaigns/links";
import { logger } from "@/lib/logger";
import { linkProblemResponse } from "./link-problem";

export const dynamic = "force-dynamic";

/** A tracked campaign link (lib/campaigns/links.ts): counts the open, then goes to the campaign's address. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const url = new URL(request.url);
  const path = url.pathname;
  let destination: string | null;
  try {
    destination = await openTrackedLink(token, new Date(), url.searchParams.get("click_id"));
  } catch (error) {
    // The recipient gets a page that asks them to try again, not a bare 500; the cause goes to the log.
    logger.error("a tracked link could not be opened", { error });
    return linkProblemResponse("unavailable", path, request.headers.get("accept-language"));
  }
  if (!destination) return linkProblemResponse("unknown", path, request.headers.get("accept-language"));
  return new Response(null, { status: 302, headers: { location: destination, "cache-control": "no-store" } });
}

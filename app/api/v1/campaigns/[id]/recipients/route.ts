import { requirePermission } from "@/lib/auth/guard";
import { drillDownSchema, recipientsCsv } from "@/lib/campaigns/recipients";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The contacts at a stage of a campaign as CSV (?stage=read, or ?stage=failed&reason=131026). Everyone who can see campaigns may export. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("campaigns.view");
    const drill = drillDownSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return await recipientsCsv(user.workspaceId, parseId((await params).id), drill);
  } catch (error) {
    return jsonError(error);
  }
}

import { requirePermission } from "@/lib/auth/guard";
import { exportContactData } from "@/lib/contacts/privacy";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Everything held on one contact (a subject access request), as JSON. Admins only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("consent.edit");
    const id = parseId((await params).id);
    const data = await exportContactData(user.workspaceId, id);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json",
        "content-disposition": `attachment; filename="contact-${id}.json"`,
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}

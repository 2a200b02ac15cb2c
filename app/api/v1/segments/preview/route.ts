import { requirePermission } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { jsonError } from "@/lib/http";
import { segmentRulesSchema } from "@/lib/segments/schemas";
import { countSegment, previewSegment } from "@/lib/segments/service";

export const dynamic = "force-dynamic";

/** The live count and first matches of rules being edited: ?rules=<JSON>. Reads only. */
export async function GET(request: Request) {
  try {
    const user = await requirePermission("audiences.view");
    let raw: unknown;
    try {
      raw = JSON.parse(new URL(request.url).searchParams.get("rules") ?? "");
    } catch {
      throw new ValidationError("The rules are not valid JSON.");
    }
    const rules = segmentRulesSchema.safeParse(raw);
    if (!rules.success) throw new ValidationError("Finish the highlighted conditions to see who matches.");
    const started = performance.now();
    const [count, contacts] = await Promise.all([
      countSegment(user.workspaceId, rules.data),
      previewSegment(user.workspaceId, rules.data),
    ]);
    return Response.json({ count, contacts, ms: Math.round(performance.now() - started) });
  } catch (error) {
    return jsonError(error);
  }
}

import { dashboardRoute, idParams } from "@/lib/actions/route";
import { templateStatus } from "@/lib/templates/service";

export const dynamic = "force-dynamic";

/** Polled by the builder while Meta reviews a template. */
export const GET = dashboardRoute({ permission: "templates.view", params: idParams }, ({ workspaceId, params }) =>
  templateStatus(workspaceId, params.id),
);

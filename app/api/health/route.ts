import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the launcher and load balancers. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ ok: database, database: database ? "up" : "down" }, { status: database ? 200 : 503 });
}

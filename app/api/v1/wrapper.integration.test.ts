// Every dashboard route handler goes through one wrapper (lib/actions/route.ts): what a caller sees when the
// session, the role, the query or the workspace is wrong, answered with a status and a sentence, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { GET as analyticsExport } from "./analytics/export/route";
import { GET as recipients } from "./campaigns/[id]/recipients/route";
import { GET as report } from "./campaigns/[id]/report/route";
import { GET as consentListExport } from "./consent-lists/[id]/export/route";
import { GET as contactConsent } from "./contacts/[id]/consent/route";
import { GET as contactExport } from "./contacts/[id]/export/route";
import { GET as rejected } from "./imports/[id]/rejected/route";
import { GET as importStatus } from "./imports/[id]/route";
import { GET as thread } from "./inbox/[id]/route";
import { GET as inbox } from "./inbox/route";
import { GET as unread } from "./inbox/unread/route";
import { GET as mediaFile } from "./media/[id]/route";
import { GET as mediaList } from "./media/route";
import { GET as segmentPreview } from "./segments/preview/route";
import { GET as template } from "./templates/[id]/route";
import { GET as activity } from "./whatsapp/activity/route";

type Handler = (request: Request, context?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const get = (handler: Handler, query = "", id?: string) =>
  handler(new Request(`http://localhost/api/v1/x${query}`), {
    params: Promise.resolve<Record<string, string>>(id === undefined ? {} : { id }),
  });

let home: Awaited<ReturnType<typeof createWorkspace>>;
let ownContactId: string;
let otherContactId: string;

beforeAll(async () => {
  home = await createWorkspace(["ADMIN", "MARKETER", "MANAGER"]);
  const other = await createWorkspace(["ADMIN"]);
  ownContactId = (await db.contact.create({ data: { workspaceId: home.workspace.id, phone: "+34600000101" } })).id;
  otherContactId = (await db.contact.create({ data: { workspaceId: other.workspace.id, phone: "+34600000102" } })).id;
});

const admin = () => actAs(home.users.ADMIN.id, home.workspace.id);

describe("dashboard route wrapper", () => {
  it("answers a caller without a session with 401 and asks them to sign in", async () => {
    actAnonymously();
    const response = await get(unread);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." },
    });
    actAnonymously("not-a-session-cookie");
    expect((await get(inbox)).status).toBe(401);
  });

  it("answers a role without the permission with 403, and the same route to a role with it", async () => {
    await actAs(home.users.MANAGER.id, home.workspace.id);
    const refused = await get(contactExport, "", ownContactId);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toEqual({
      code: "FORBIDDEN",
      message: "You do not have permission to do that.",
    });
    await actAs(home.users.MARKETER.id, home.workspace.id);
    expect((await get(activity)).status).toBe(403);
    await admin();
    expect((await get(contactExport, "", ownContactId)).status).toBe(200);
  });

  it("answers a query the schema refuses with 400, the first sentence and every field's error", async () => {
    await admin();
    const response = await get(analyticsExport, "?report=trend&from=yesterday&to=2026-11-01");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: "VALIDATION",
        message: "Use a date like 2026-11-01.",
        fieldErrors: { from: expect.arrayContaining(["Use a date like 2026-11-01."]) },
      },
    });

    const notJson = await get(segmentPreview, "?rules=%7Bnot-json");
    expect([notJson.status, (await notJson.json()).error.message]).toEqual([400, "The rules are not valid JSON."]);
    const unfinished = await get(segmentPreview, `?rules=${encodeURIComponent('{"match":"all","groups":[]}')}`);
    expect(unfinished.status).toBe(400);
    expect((await unfinished.json()).error).toMatchObject({
      message: "Finish the highlighted conditions to see who matches.",
      fieldErrors: { "rules.groups": [expect.any(String)] },
    });
  });

  it("answers another workspace's id with 404, as it answers an id that names nothing", async () => {
    await admin();
    const response = await get(contactExport, "", otherContactId);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
    expect((await get(contactConsent, "?format=json", otherContactId)).status).toBe(404);
    const own = await get(contactConsent, "?format=json", ownContactId);
    expect([own.status, own.headers.get("content-type")]).toEqual([200, "application/json"]);
  });

  it("never answers junk in a query or a path with a 500", async () => {
    await admin();
    const junk = [
      "",
      "?report=%00&campaign=%00&from=%00&to=%00",
      "?stage=%00&reason=..%2F..&after=%00&format=%00&kind=%00&thumbnail=%00",
      "?rules=%00&q=%00&filter=%00&campaignId=%00",
      `?rules=${encodeURIComponent(JSON.stringify({ match: "all", groups: [{ match: "x", conditions: [{}] }] }))}`,
      "?report=campaign&campaign=cm0000000000000000000000",
      `?q=${"x".repeat(5000)}&rules=${"[".repeat(5000)}`,
    ];
    const byId: Handler[] = [
      recipients,
      report,
      consentListExport,
      contactConsent,
      contactExport,
      rejected,
      importStatus,
      thread,
      mediaFile,
      template,
    ];
    const plain: Handler[] = [analyticsExport, inbox, unread, mediaList, segmentPreview, activity];
    const seen: number[] = [];
    for (const query of junk) {
      for (const handler of plain) seen.push((await get(handler, query)).status);
      for (const handler of byId) {
        for (const id of ["a\u0000b", otherContactId]) {
          seen.push((await get(handler, query, id)).status);
        }
      }
    }
    expect(seen.filter((status) => status >= 500)).toEqual([]);
  }, 90_000); // about 180 requests: headroom for a busy machine
});

// Unknown ids, NUL bytes and junk in queries are the caller's mistake: 4xx with a sentence, never a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { saveSegmentAction } from "@/app/(dashboard)/audiences/segments/actions";
import { createWorkspace } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import { GET as recipients } from "./campaigns/[id]/recipients/route";
import { GET as report } from "./campaigns/[id]/report/route";
import { GET as contactExport } from "./contacts/[id]/export/route";
import { GET as flowAnswers } from "./flows/[id]/responses/route";
import { GET as importStatus } from "./imports/[id]/route";
import { GET as thread } from "./inbox/[id]/route";
import { GET as inbox } from "./inbox/route";
import { GET as media } from "./media/[id]/route";
import { GET as template } from "./templates/[id]/route";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const call = (handler: Handler, id: string, query = "") =>
  handler(new Request(`http://localhost/api/v1/x${query}`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  const { workspace, users } = await createWorkspace(["ADMIN"]);
  await actAs(users.ADMIN.id, workspace.id);
});

describe("route handlers", () => {
  const byId: [string, Handler][] = [
    ["campaign report", report],
    ["campaign recipients", recipients],
    ["contact export", contactExport],
    ["flow answers", flowAnswers],
    ["import", importStatus],
    ["conversation", thread],
    ["media", media],
    ["template", template],
  ];

  it.each(byId)("answer an unknown, a NUL and a junk id of %s with 404", async (_name, handler) => {
    for (const id of ["cm0000000000000000000000", "a\u0000b", "../../etc/passwd"]) {
      const response = await call(handler, id);
      expect([id, response.status]).toEqual([id, 404]);
    }
  });

  it("answer a NUL in a search with 400", async () => {
    const response = await inbox(new Request(`http://localhost/api/v1/inbox?q=${encodeURIComponent("a\u0000b")}`));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/NUL/);
  });
});

describe("server actions", () => {
  it("refuse a NUL in any field with a field error, not a 500", async () => {
    const result = await saveSegmentAction({
      name: "Gold\u0000",
      rules: { match: "all", groups: [{ match: "all", conditions: [{ field: "name", op: "equals", value: "x" }] }] },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { name: [expect.stringMatching(/NUL/)] } },
    });
  });
});

// A flow's answers as CSV, with the results page's filters: every answer once, options by their titles, only
// the caller's workspace, and junk filters ignored rather than a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { starterJson } from "@/lib/flows/starters";
import { createWorkspace } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import { GET } from "./route";

const call = (id: string, query = "") =>
  GET(new Request(`http://localhost/api/v1/flows/${id}/responses${query}`), { params: Promise.resolve({ id }) });
const lines = async (response: Response) => (await response.text()).trim().split("\r\n");

let flowId: string;
let campaignId: string;

beforeAll(async () => {
  const { workspace, users } = await createWorkspace(["MANAGER"]);
  await actAs(users.MANAGER.id, workspace.id);
  const flow = await db.flow.create({
    data: {
      workspaceId: workspace.id,
      name: "Visit feedback",
      category: "SURVEY",
      status: "PUBLISHED",
      json: starterJson("feedback") as Prisma.InputJsonValue,
    },
  });
  flowId = flow.id;
  const campaign = await db.campaign.create({ data: { workspaceId: workspace.id, name: "Autumn survey" } });
  campaignId = campaign.id;
  const people = await Promise.all(
    ["Ana", "Ben", "Cleo"].map((name, i) =>
      db.contact.create({ data: { workspaceId: workspace.id, name, phone: `+3466${Date.now() % 1e6}${i}` } }),
    ),
  );
  const answer = (i: number, satisfaction: string, liked: string[], day: string, inCampaign: boolean) => ({
    workspaceId: workspace.id,
    flowId: flow.id,
    contactId: people[i]!.id,
    inboundMessageId: `in-${flow.id}-${i}`,
    flowToken: `t-${i}`,
    campaignId: inCampaign ? campaign.id : null,
    answers: { satisfaction, liked, comments: i === 0 ? '=HYPERLINK("x")' : "", contact_me: "yes" },
    completedAt: new Date(`${day}T10:00:00Z`),
  });
  await db.flowResponse.createMany({
    data: [
      answer(0, "excellent", ["staff", "speed"], "2026-11-20", true),
      answer(1, "poor", [], "2026-11-22", true),
      answer(2, "excellent", ["price"], "2026-11-25", false),
    ],
  });
  // Another workspace's flow is not there for this member.
  const other = await createWorkspace(["ADMIN"]);
  await db.flow.create({
    data: { workspaceId: other.workspace.id, name: "Theirs", category: "SURVEY", json: starterJson("nps") as object },
  });
});

describe("GET /api/v1/flows/{id}/responses", () => {
  it("exports every answer, newest first, options by their titles and formulas defused", async () => {
    const response = await call(flowId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("visit-feedback-answers.csv");
    const csv = await lines(response);
    expect(csv[0]).toBe("completed_at,contact_id,name,phone,campaign,satisfaction,liked,comments,contact_me");
    expect(csv.slice(1).map((l) => l.split(",")[2])).toEqual(["Cleo", "Ben", "Ana"]);
    expect(csv[3]).toContain(",Autumn survey,Excellent,Staff; Speed,");
    expect(csv[3]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("applies the results page's filters: days, campaign and an answer, and ignores junk", async () => {
    expect(await lines(await call(flowId, "?from=2026-11-21&to=2026-11-24"))).toHaveLength(2);
    expect(await lines(await call(flowId, `?campaign=${campaignId}`))).toHaveLength(3);
    const excellent = await lines(await call(flowId, "?answer=satisfaction%3Dexcellent"));
    expect(excellent.slice(1).map((l) => l.split(",")[2])).toEqual(["Cleo", "Ana"]);
    const likedPrice = await lines(await call(flowId, "?answer=liked%3Dprice"));
    expect(likedPrice.slice(1).map((l) => l.split(",")[2])).toEqual(["Cleo"]);
    const junk = await call(flowId, "?from=yesterday&answer=%00&campaign=../x");
    expect(junk.status).toBe(200);
    expect(await lines(junk)).toHaveLength(4);
  });

  it("answers 404 for a flow of another workspace", async () => {
    const theirs = await db.flow.findFirstOrThrow({ where: { name: "Theirs" } });
    expect((await call(theirs.id)).status).toBe(404);
  });
});

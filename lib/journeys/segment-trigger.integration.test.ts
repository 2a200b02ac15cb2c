// The segment trigger against the real database: people already in the segment when the journey goes live do
// not enter; those who join later enter once; leaving and coming back is entering again; another segment on a
// new version starts over; a deleted segment starts nobody and raises nothing.
import { describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { SEGMENT_EVENT } from "@/lib/events/trigger-keys";
import { createWorkspace, currentUser } from "@/tests/factories";
import { consumeEvents } from "./engine";
import { enterOnSegments } from "./segment-trigger";
import { publishJourney, saveDraft } from "./service";
import type { Graph } from "./graph";

const tagRule = (tag: string) => ({
  match: "all",
  groups: [{ match: "all", conditions: [{ field: "tag", op: "has", value: tag }] }],
});

async function setUp() {
  const { workspace, users } = await createWorkspace(["MARKETER"]);
  const user = currentUser(workspace, users.MARKETER, "MARKETER");

  const segment = (name: string, tag: string) =>
    db.segment.create({ data: { workspaceId: workspace.id, name, rules: tagRule(tag) }, select: { id: true } });
  const vip = await segment("VIP", "vip");
  const graph = (segmentId: string) =>
    ({
      trigger: { kind: "segment", segmentId },
      entry: { rule: "always", days: 30 },
      start: "update_1",
      steps: [{ id: "update_1", kind: "update", addTags: ["welcomed"], removeTags: [], attributes: {}, next: null }],
    }) as unknown as Graph;
  const { id } = await db.journey.create({
    data: { workspaceId: workspace.id, name: "VIP welcome", draft: graph(vip.id) as Prisma.InputJsonValue },
  });
  await publishJourney(user, id);
  const person = (phone: string, tags: string[]) =>
    db.contact.create({ data: { workspaceId: workspace.id, phone, tags }, select: { id: true } });
  const tag = (contactId: string, tags: string[]) => db.contact.update({ where: { id: contactId }, data: { tags } });
  return { workspaceId: workspace.id, user, journeyId: id, vip, segment, graph, person, tag };
}

describe("the segment trigger", () => {
  it("enters people who join the segment after the journey went live, once, and again after they left", async () => {
    const { workspaceId, journeyId, person, tag } = await setUp();
    const scope = { workspaceIds: [workspaceId] };
    const ana = await person("+34600222001", ["vip"]);
    const ben = await person("+34600222002", []);

    expect(await enterOnSegments(scope)).toBe(0); // the first look: Ana was already there, she did not enter it
    await tag(ben.id, ["vip"]);
    expect(await enterOnSegments(scope)).toBe(1);
    expect(await enterOnSegments(scope)).toBe(0); // Ben is still there: no second entry

    await tag(ana.id, []);
    expect(await enterOnSegments(scope)).toBe(0); // Ana left
    await tag(ana.id, ["vip", "gold"]);
    expect(await enterOnSegments(scope)).toBe(1); // and came back

    const events = await db.contactEvent.findMany({
      where: { workspaceId, name: SEGMENT_EVENT },
      orderBy: { receivedAt: "asc" },
    });
    expect(events.map((e) => e.contactId)).toEqual([ben.id, ana.id]);
    await consumeEvents(100, scope);
    const runs = await db.journeyRun.findMany({ where: { journeyId }, select: { contactId: true } });
    expect(runs.map((r) => r.contactId).sort()).toEqual([ana.id, ben.id].sort());
  });

  it("starts over on another segment, and starts nobody once its segment is deleted", async () => {
    const { workspaceId, user, journeyId, segment, graph, person, tag } = await setUp();
    const scope = { workspaceIds: [workspaceId] };
    await person("+34600222011", ["gold"]); // Ana
    expect(await enterOnSegments(scope)).toBe(0);

    const gold = await segment("Gold", "gold");
    await saveDraft(user, journeyId, "Gold welcome", graph(gold.id));
    await publishJourney(user, journeyId);
    expect(await enterOnSegments(scope)).toBe(0); // Ana was in Gold when it became the trigger

    await db.segment.delete({ where: { id: gold.id } });
    const ben = await person("+34600222012", ["gold"]);
    await tag(ben.id, ["gold"]);
    expect(await enterOnSegments(scope)).toBe(0);
    expect(await db.contactEvent.count({ where: { workspaceId, name: SEGMENT_EVENT } })).toBe(0);
  });

  it("refuses to publish a segment journey without a saved segment", async () => {
    const { user, graph, workspaceId } = await setUp();
    const { id } = await db.journey.create({
      data: { workspaceId, name: "No segment", draft: graph("missing") as Prisma.InputJsonValue },
    });
    await expect(publishJourney(user, id)).rejects.toThrow();
  });
});

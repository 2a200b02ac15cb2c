import { describe, expect, it } from "vitest";
import { graphSchema, type Graph } from "./graph";
import { linkStep, newStep, problems, removeStep } from "./graph-edit";
import { STARTER_IDS } from "./starter-ids";
import { starterGraph } from "./starters";

const keyOf = (message: string) => message.split("|")[0];
const graph = (g: unknown): Graph => graphSchema.parse(g);

describe("journey graph problems", () => {
  it("finds none in a well-drawn journey", () => {
    const g = graph({
      trigger: { kind: "event", event: "order.shipped" },
      start: "wait_1",
      steps: [
        { id: "wait_1", kind: "wait", mode: "duration", seconds: 3600, next: "exit_1" },
        { id: "exit_1", kind: "exit" },
      ],
    });
    expect(problems(g)).toEqual([]);
  });

  it("asks a media header's file by https address, and names a consent list and trigger that are missing", () => {
    const context = {
      templates: [{ name: "new_arrivals", category: "MARKETING", slots: [], mediaHeader: true }],
      lists: [{ id: "list_1", category: "MARKETING" }],
      segments: [],
    };
    const send = (headerMedia: string) =>
      graph({
        trigger: { kind: "event", event: "product.added" },
        start: "send_1",
        steps: [{ id: "send_1", kind: "send", template: "new_arrivals", headerMedia, next: null }],
      });
    expect(problems(send(""), context).map((p) => keyOf(p.message))).toEqual(["journeys.problems.headerMedia"]);
    expect(problems(send("https://shop.example/new.jpg"), context)).toEqual([]);
    expect(() => send("http://shop.example/new.jpg")).toThrow();

    const g = graph({
      trigger: { kind: "segment", segmentId: "gone" },
      start: "branch_1",
      steps: [
        { id: "branch_1", kind: "branch", signal: "consent", key: "list_2", yes: "update_1", no: null },
        { id: "update_1", kind: "update", consent: { listId: "list_1", action: "OPT_IN" }, next: null },
      ],
    });
    expect(problems(g, context).map((p) => [p.stepId, keyOf(p.message)])).toEqual([
      [null, "journeys.problems.segmentMissing"],
      ["branch_1", "journeys.problems.consentList"],
    ]);
  });

  it("names dead ends, unreachable steps, loops and missing pieces on their step", () => {
    const g = graph({
      trigger: { kind: "event", event: "bad name!" },
      start: "branch_1",
      steps: [
        { id: "branch_1", kind: "branch", signal: "button", key: "", yes: null, no: null },
        { id: "wait_1", kind: "wait", mode: "event", event: "", next: null, timeout: null },
        { id: "wait_2", kind: "wait", mode: "until", dateKey: "", next: "wait_2" },
        {
          id: "split_1",
          kind: "split",
          paths: [
            { name: "A", percent: 50 },
            { name: "B", percent: 40 },
          ],
        },
        { id: "send_1", kind: "send", template: "", next: "gone" },
      ],
      goal: { event: "ok.event", seconds: 3600 },
    });
    const found = problems(g).map((p) => `${p.stepId}:${keyOf(p.message)}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "null:journeys.errors.eventName",
        "branch_1:journeys.problems.branchNoExit",
        "branch_1:journeys.problems.branchNoKey",
        "wait_1:journeys.problems.unreachable",
        "wait_1:journeys.problems.waitNoEvent",
        "wait_1:journeys.problems.waitNoExit",
        "wait_2:journeys.problems.selfLoop",
        "wait_2:journeys.problems.untilNoDate",
        "split_1:journeys.problems.splitTotal",
        "send_1:journeys.problems.unknownStep",
        "send_1:journeys.errors.pickTemplate",
      ]),
    );
  });

  it("checks templates and lists against what the workspace has", () => {
    const g = graph({
      trigger: { kind: "optIn", consentListId: "list-gone" },
      start: "send_1",
      steps: [
        {
          id: "send_1",
          kind: "send",
          template: "promo",
          variables: { "body:1": { source: "event", value: "name" } },
          next: "send_2",
        },
        { id: "send_2", kind: "send", template: "retired", next: null },
      ],
    });
    const found = problems(g, {
      templates: [{ name: "promo", category: "MARKETING", slots: ["body:1", "body:2"] }],
      lists: [{ id: "list-1", category: "MARKETING" }],
    });
    expect(found.map((p) => `${p.stepId}:${p.message}`)).toEqual([
      "null:journeys.problems.listMissing",
      'send_1:journeys.problems.variablesUnset|{"slots":"body:2"}',
      "send_2:journeys.problems.templateMissing",
    ]);
  });

  it("flags a template whose category is not the purpose of the opt-in list that starts the journey", () => {
    const g = graph({
      trigger: { kind: "optIn", consentListId: "promos" },
      start: "send_1",
      steps: [{ id: "send_1", kind: "send", template: "order_shipped", next: null }],
    });
    const context = {
      templates: [{ name: "order_shipped", category: "UTILITY", slots: [] }],
      lists: [{ id: "promos", category: "MARKETING" }],
    };
    expect(problems(g, context).map((p) => p.message)).toEqual(["journeys.problems.purposeMismatch"]);
    expect(problems(g, { ...context, lists: [{ id: "promos", category: "UTILITY" }] })).toEqual([]);
  });

  it("keeps a draft's unfinished parts (publishing is what refuses them)", () => {
    expect(graphSchema.safeParse({ trigger: { kind: "event", event: "" }, start: null, steps: [] }).success).toBe(true);
    expect(
      graphSchema.safeParse({
        trigger: { kind: "event", event: "x" },
        start: "a",
        steps: [{ id: "A B", kind: "exit" }],
      }).success,
    ).toBe(false);
  });

  it("links and removes steps without leaving a way to a missing step", () => {
    let g = graph({
      trigger: { kind: "event", event: "e" },
      start: "branch_1",
      steps: [newStep("branch", "branch_1"), newStep("exit", "exit_1")],
    });
    g = { ...g, steps: [linkStep(g.steps[0]!, "no", "exit_1"), g.steps[1]!] };
    expect(g.steps[0]).toMatchObject({ yes: null, no: "exit_1" });
    const removed = removeStep(g, "exit_1");
    expect(removed.steps).toHaveLength(1);
    expect(removed.steps[0]).toMatchObject({ no: null });
    expect(removeStep(g, "branch_1").start).toBeNull();
  });

  it("every starter is a valid graph with no drawing problems", () => {
    for (const id of STARTER_IDS) {
      const g = graphSchema.parse(starterGraph(id, "list-1"));
      expect(problems(g), id).toEqual([]);
    }
  });
});

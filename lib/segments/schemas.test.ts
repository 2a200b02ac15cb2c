import { describe, expect, it } from "vitest";
import { conditionSchema, listValues, segmentSchema } from "./schemas";

const issues = (input: unknown) => {
  const result = conditionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("segment conditions", () => {
  it("accept complete conditions of every field", () => {
    expect(issues({ field: "attribute", op: "equals", key: "tier", value: "gold" })).toEqual([]);
    expect(issues({ field: "attribute", op: "empty", key: "tier" })).toEqual([]);
    expect(issues({ field: "tag", op: "not_has", value: "vip" })).toEqual([]);
    expect(issues({ field: "consent", op: "opted_in", listId: "l1" })).toEqual([]);
    expect(issues({ field: "created", op: "after", value: "2025-01-31" })).toEqual([]);
    expect(issues({ field: "created", op: "last_days", days: "30" })).toEqual([]);
    expect(issues({ field: "engagement", op: "did_not", event: "read", campaignId: "c1", days: "" })).toEqual([]);
  });

  it("name what is missing", () => {
    expect(issues({ field: "attribute", op: "equals", key: "1tier", value: "" })).toEqual([
      "key: Attribute: a name such as tier or city.",
      "value: Value: required.",
    ]);
    expect(issues({ field: "tag", op: "equals", value: "vip" })).toEqual(["op: Choose a comparison."]);
    expect(issues({ field: "consent", op: "opted_in" })).toEqual(["listId: Choose a consent list."]);
    expect(issues({ field: "created", op: "before", value: "2025-13-01" })).toEqual(["value: Date: choose a day."]);
    expect(issues({ field: "engagement", op: "did", event: "read" })).toEqual([
      "days: Choose a campaign, or a number of days, or both.",
    ]);
    expect(issues({ field: "engagement", op: "did", event: "read", days: "0" })).not.toEqual([]);
  });

  it("limit groups and conditions, and split 'one of' values", () => {
    const condition = { field: "tag", op: "has", value: "vip" };
    const rules = {
      match: "all",
      groups: Array.from({ length: 11 }, () => ({ match: "all", conditions: [condition] })),
    };
    expect(segmentSchema.safeParse({ name: "Too many", rules }).success).toBe(false);
    expect(listValues(" Madrid, Sevilla ,,Madrid")).toEqual(["Madrid", "Sevilla"]);
  });
});

describe("segment operators and fields", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "refuse %s, which every object has but no field offers",
    (op) => {
      expect(issues({ field: "attribute", op, key: "tier", value: "gold" })).toEqual(["op: Choose a comparison."]);
      expect(issues({ field: "tag", op, value: "vip" })).toEqual(["op: Choose a comparison."]);
    },
  );

  it("refuse a field that is not offered", () => {
    expect(issues({ field: "__proto__", op: "equals", value: "x" })).not.toEqual([]);
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { english, loadMessages } from "@/lib/i18n/catalog";
import { translateMessage } from "@/lib/i18n/message-key";
import { conditionSchema, listValues, segmentSchema } from "./schemas";

// The messages are catalog keys; these tests read them in English, as the builder shows them.
const t = createTranslator({ locale: "en", messages: english });
const issues = (input: unknown) => {
  const result = conditionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${translateMessage(t, i.message)}`);
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
    expect(
      segmentSchema.safeParse({ name: "x".repeat(81), rules }).error?.issues.map((i) => translateMessage(t, i.message)),
    ).toEqual(["Name: at most 80 characters.", "At most 10 groups."]);
    expect(listValues(" Madrid, Sevilla ,,Madrid")).toEqual(["Madrid", "Sevilla"]);
  });
});

describe("segment messages in the reader's language", () => {
  it("reads a Spanish reader's missing value and day count in Spanish, the number in Spanish too", async () => {
    const es = createTranslator({ locale: "es", messages: await loadMessages("es") });
    const result = conditionSchema.safeParse({ field: "created", op: "last_days" });
    expect(result.error?.issues.map((i) => translateMessage(es, i.message))).toEqual([
      "Días: un número del 1 al 3650.",
    ]);
    const rules = { match: "all", groups: [{ match: "all", conditions: [{ field: "tag", op: "has", value: "vip" }] }] };
    expect(
      segmentSchema.safeParse({ name: " ", rules }).error?.issues.map((i) => translateMessage(es, i.message)),
    ).toEqual(["Nombre: obligatorio, p. ej. Clientes oro de Madrid."]);
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

import { describe, expect, it } from "vitest";
import { flowButtons, templateButtons } from "./template-components";

describe("a template's buttons", () => {
  const components = [
    { type: "BODY", text: "Hi" },
    {
      type: "buttons",
      buttons: [
        { type: "QUICK_REPLY", text: "Stop" },
        { type: "FLOW", text: "Book", flow_id: 12345, flow_action: "data_exchange" },
        { text: "no type" },
      ],
    },
  ];

  it("reads the BUTTONS component's buttons in order, whatever the case of its type, skipping malformed ones", () => {
    expect(templateButtons(components).map((b) => b.type)).toEqual(["QUICK_REPLY", "FLOW"]);
    expect(flowButtons(components)).toEqual([
      { type: "FLOW", text: "Book", flow_id: 12345, flow_action: "data_exchange" },
    ]);
  });

  it("finds none in a template without buttons, or in what is not a list of components", () => {
    for (const none of [[{ type: "BODY", text: "Hi" }], null, "BUTTONS", { type: "BUTTONS" }, [{ type: "BUTTONS" }]])
      expect(templateButtons(none)).toEqual([]);
  });
});

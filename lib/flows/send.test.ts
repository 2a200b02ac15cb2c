import { describe, expect, it } from "vitest";
import { problemsFromMeta } from "./flow-json";
import { toCreateTemplateRequest } from "@/lib/templates/payload";
import { EMPTY_TEMPLATE, templateInputSchema } from "@/lib/templates/schemas";
import { bookingFlowJson } from "./booking-flow";
import { flowMessage, parseResponse, PENDING_FLOW_TOKEN, usesEndpoint, withFlowToken } from "./send";
import { starterJson } from "./starters";

describe("flow tokens on a message", () => {
  const template = (token?: string) => ({
    type: "template",
    template: {
      name: "nps_survey",
      components: [
        { type: "body", parameters: [{ type: "text", text: "Ana" }] },
        {
          type: "button",
          sub_type: "flow",
          index: "0",
          parameters: [{ type: "action", action: token === undefined ? {} : { flow_token: token } }],
        },
      ],
    },
  });

  it("fills the pending token of a template's FLOW button, and one with none, but keeps a caller's own", () => {
    const token = (request: unknown) =>
      (request as { template: { components: { parameters: { action?: object }[] }[] } }).template.components[1]!
        .parameters[0]!.action;
    expect(token(withFlowToken(template(PENDING_FLOW_TOKEN), "pf1.mabc"))).toEqual({ flow_token: "pf1.mabc" });
    expect(token(withFlowToken(template(), "pf1.mabc"))).toEqual({ flow_token: "pf1.mabc" });
    expect(token(withFlowToken(template("crm-42"), "pf1.mabc"))).toEqual({ flow_token: "crm-42" });
    const text = { type: "text", text: { body: "hi" } };
    expect(withFlowToken(text, "pf1.mabc")).toBe(text);
  });

  it("builds an interactive flow message opening the first screen, and fills its token", () => {
    const interactive = flowMessage({ metaFlowId: "71", json: starterJson("feedback") }, "How was it?", "Tell us");
    expect(interactive.action.parameters).toMatchObject({
      flow_id: "71",
      flow_cta: "Tell us",
      flow_token: PENDING_FLOW_TOKEN,
      flow_action_payload: { screen: "EXPERIENCE" },
    });
    const filled = withFlowToken({ type: "interactive", interactive }, "pf1.oxyz");
    expect(filled.interactive.action.parameters.flow_token).toBe("pf1.oxyz");
  });

  it("opens an endpoint flow with data_exchange and no screen: WhatsApp asks the endpoint for it (INIT)", () => {
    expect(usesEndpoint(bookingFlowJson())).toBe(true);
    expect(usesEndpoint(starterJson("feedback"))).toBe(false);
    const interactive = flowMessage({ metaFlowId: "73", json: bookingFlowJson() }, "Book a time", "Book");
    expect(interactive.action.parameters.flow_action).toBe("data_exchange");
    expect(interactive.action.parameters).not.toHaveProperty("flow_action_payload");
    expect(
      flowMessage({ metaFlowId: "71", json: starterJson("nps") }, "Rate us", "Rate").action.parameters,
    ).toMatchObject({ flow_action: "navigate", flow_action_payload: { screen: "RATING" } });
  });

  it("writes a template's FLOW button as navigate to its screen, or as data_exchange when it has none", () => {
    const buttonOf = (screen: string) => {
      const input = templateInputSchema.parse({
        ...EMPTY_TEMPLATE,
        name: "book_now",
        language: "en_US",
        category: "UTILITY",
        body: { text: "Book your visit here.", samples: {} },
        buttons: [{ type: "FLOW", text: "Book", flowId: "73", screen }],
      });
      const buttons = toCreateTemplateRequest(input).components.find((c) => c.type === "BUTTONS") as unknown as {
        buttons: Record<string, unknown>[];
      };
      return buttons.buttons[0];
    };
    expect(buttonOf("RATING")).toEqual({
      type: "FLOW",
      text: "Book",
      flow_id: "73",
      flow_action: "navigate",
      navigate_screen: "RATING",
    });
    expect(buttonOf("")).toEqual({ type: "FLOW", text: "Book", flow_id: "73", flow_action: "data_exchange" });
  });
});

describe("an answer as WhatsApp sends it", () => {
  it("parses response_json into the token and the answers, and refuses what is not an object", () => {
    expect(parseResponse('{"flow_token":"pf1.m1","score":"9","topics":["a"],"ok":true}')).toEqual({
      token: "pf1.m1",
      answers: { score: "9", topics: ["a"], ok: true },
    });
    expect(parseResponse('{"score":"9"}')).toEqual({ token: "", answers: { score: "9" } });
    for (const bad of ["", "not json", "[1,2]", "null", '"text"']) expect(parseResponse(bad)).toBeNull();
  });

  it("reads Meta's validation pointers as paths into the JSON", () => {
    expect(
      problemsFromMeta([
        { message: "Invalid value", pointers: [{ path: "screens [0]. layout.children [1].label" }] },
        { message: "Missing", pointers: [] },
      ]),
    ).toEqual([
      { path: ["screens", 0, "layout", "children", 1, "label"], message: "Invalid value" },
      { path: [], message: "Missing" },
    ]);
  });
});

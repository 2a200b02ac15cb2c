import { describe, expect, it } from "vitest";
import { bookingFlowJson, BOOKING_SCREENS } from "./booking-flow";
import { flowProblems } from "./flow-json";

describe("bookingFlowJson", () => {
  it("is a 7.3 endpoint Flow whose routing model covers every screen and ends at the terminal one", () => {
    const json = bookingFlowJson();
    expect(json.version).toBe("7.3");
    expect(json.data_api_version).toBe("3.0");
    expect(Object.keys(json.routing_model).sort()).toEqual(json.screens.map((s) => s.id).sort());
    expect(json.routing_model[BOOKING_SCREENS.summary]).toEqual([]);
    expect(json.screens.find((s) => s.id === BOOKING_SCREENS.summary)?.terminal).toBe(true);
  });

  it("passes flowProblems, its Dropdowns bound to the endpoint's data", () => {
    expect(flowProblems(bookingFlowJson())).toEqual([]);
  });
});

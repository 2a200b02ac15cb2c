import { describe, expect, it } from "vitest";
import { bookingFlowJson } from "@/lib/flows/booking-flow";
import { starterJson } from "@/lib/flows/starters";
import { createFlowStore } from "./flows";

const PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n";

function storeWith(flows: { id: string; json: unknown; endpoint_uri?: string }[]) {
  const store = createFlowStore();
  store.load(flows.map((f) => ({ ...f, name: f.id, categories: ["OTHER"], status: "DRAFT" as const })));
  return store;
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
};

describe("publishing an endpoint flow in the sandbox, as Meta does", () => {
  it("refuses one without endpoint_uri or without the business's public key (139002), and publishes it with both", () => {
    const store = storeWith([
      { id: "1", json: bookingFlowJson() },
      { id: "2", json: bookingFlowJson(), endpoint_uri: "https://parley.example.com/api/flows/endpoint/ws" },
    ]);
    expect(refusal(() => store.publish("1", PUBLIC_KEY))).toMatchObject({
      code: 139002,
      subcode: 4233024,
      message: "Publishing without specifying endpoint_uri is forbidden",
    });
    expect(refusal(() => store.publish("2", null))).toMatchObject({
      code: 139002,
      subcode: 4233012,
      message: "Missing Flows Signed Public Key",
    });
    expect(store.publish("2", PUBLIC_KEY)).toEqual({ success: true });
    expect(store.details("2")).toMatchObject({
      status: "PUBLISHED",
      data_api_version: "3.0",
      endpoint_uri: "https://parley.example.com/api/flows/endpoint/ws",
    });
  });

  it("keeps the endpoint_uri given at creation, and publishes a flow without an endpoint with no key at all", () => {
    const store = createFlowStore();
    const { id } = store.create({
      name: "Book",
      categories: ["APPOINTMENT_BOOKING"],
      endpoint_uri: "https://x.example/e",
    });
    expect(store.get(id).endpoint_uri).toBe("https://x.example/e");
    const form = storeWith([{ id: "3", json: starterJson("nps") }]);
    expect(form.publish("3", null)).toEqual({ success: true });
  });
});

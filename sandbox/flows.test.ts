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

describe("updating a flow's metadata in the sandbox (POST /{flow-id}), as Meta does", () => {
  /** The request as Meta's OpenAPI describes it: a multipart form. */
  async function form(fields: Record<string, string>) {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.set(key, value);
    const encoded = new Response(body);
    return [Buffer.from(await encoded.arrayBuffer()), encoded.headers.get("content-type")!] as const;
  }
  const rejection = async (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  it("gives a plain form created earlier its endpoint_uri, a new name and categories, so it publishes", async () => {
    const store = storeWith([{ id: "1", json: bookingFlowJson() }]);
    expect(refusal(() => store.publish("1", PUBLIC_KEY))).toMatchObject({ code: 139002, subcode: 4233024 });
    const uri = "https://parley.example.com/api/flows/endpoint/ws";
    const [raw, type] = await form({
      name: "Book a tasting",
      categories: '["APPOINTMENT_BOOKING"]',
      endpoint_uri: uri,
    });
    expect(await store.update("1", raw, type)).toEqual({ success: true });
    expect(store.details("1")).toMatchObject({
      name: "Book a tasting",
      categories: ["APPOINTMENT_BOOKING"],
      endpoint_uri: uri,
    });
    expect(store.publish("1", PUBLIC_KEY)).toEqual({ success: true });
  });

  it("refuses what Meta refuses: JSON, unknown categories, a taken name, a flow no longer a draft", async () => {
    const store = storeWith([
      { id: "1", json: starterJson("nps") },
      { id: "2", json: starterJson("nps") },
    ]);
    const json = Buffer.from(JSON.stringify({ name: "x" }));
    expect(await rejection(store.update("1", json, "application/json"))).toMatchObject({ code: 100 });
    expect(await rejection(store.update("1", ...(await form({ categories: '["PARTY"]' }))))).toMatchObject({
      code: 100,
      details: "categories must be a JSON array of Flow categories",
    });
    expect(await rejection(store.update("1", ...(await form({ name: "2" }))))).toMatchObject({
      code: 100,
      details: "Flow name is not unique",
    });
    store.publish("2", null);
    expect(await rejection(store.update("2", ...(await form({ name: "Renamed" }))))).toMatchObject({
      code: 139001,
    });
    expect(store.details("2")).toMatchObject({ name: "2" });
  });
});

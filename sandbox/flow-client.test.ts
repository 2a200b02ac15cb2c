import { describe, expect, it } from "vitest";
import { BOOKING_TRIGGERS, bookingFlowJson } from "@/lib/flows/booking-flow";
import { chance } from "./random";
import { playEndpointFlow, reachableEndpoint, type Exchange, type ExchangeRequest } from "./flow-client";

const DAYS = [
  { id: "2026-12-03", title: "Thu 3 Dec" },
  { id: "2026-12-04", title: "Fri 4 Dec" },
];
const SLOTS: Record<string, { id: string; title: string }[]> = {
  "2026-12-03": [{ id: "2026-12-03T09:00Z", title: "10:00" }],
  "2026-12-04": [
    { id: "2026-12-04T09:00Z", title: "10:00" },
    { id: "2026-12-04T10:00Z", title: "11:00" },
  ],
};
const none = [{ id: "none", title: "No free times", enabled: false }];

/** A booking endpoint in memory, answering as lib/flows/exchange.ts does; `refuse` holds are refused first. */
function fakeEndpoint(options: { refuse?: number; noDays?: boolean; failOn?: string } = {}) {
  const requests: ExchangeRequest[] = [];
  let refusals = options.refuse ?? 0;
  const appointment = (day?: string, error?: string) => ({
    screen: "APPOINTMENT",
    data: {
      days: options.noDays ? none : DAYS,
      slots: day ? SLOTS[day] : none,
      slots_enabled: Boolean(day),
      ...(error ? { error_message: error } : {}),
    },
  });
  const exchange: Exchange = async (request) => {
    requests.push(request);
    const trigger = request.data?.trigger;
    if (options.failOn === (trigger ?? request.action)) return null;
    if (request.action === "INIT") return appointment();
    if (trigger === BOOKING_TRIGGERS.day) return appointment(String(request.data!.day));
    if (trigger === BOOKING_TRIGGERS.hold) {
      if (refusals-- > 0) return appointment(undefined, "Sorry, that time has just been taken.");
      return { screen: "DETAILS", data: { slot: request.data!.slot, slot_label: "Fri 4 Dec, 10:00" } };
    }
    return null;
  };
  return { exchange, requests };
}

const play = (exchange: Exchange, seed = 1) =>
  playEndpointFlow({
    json: bookingFlowJson(),
    token: "pf1.mabc.c1.mac",
    opening: { action: "data_exchange" },
    exchange,
    roll: (name) => chance(seed, `wamid.1:${name}`),
  });

describe("a person completing the booking flow through its endpoint", () => {
  it("opens with INIT, picks a day and one of its times from the endpoint's answers, holds it and confirms", async () => {
    const { exchange, requests } = fakeEndpoint();
    const answer = await play(exchange);
    expect(requests.map((r) => [r.action, r.screen, r.data?.trigger])).toEqual([
      ["INIT", undefined, undefined],
      ["data_exchange", "APPOINTMENT", BOOKING_TRIGGERS.day],
      ["data_exchange", "APPOINTMENT", BOOKING_TRIGGERS.hold],
    ]);
    expect(requests.every((r) => r.version === "3.0" && r.flow_token === "pf1.mabc.c1.mac")).toBe(true);
    const day = String(requests[1]!.data!.day);
    expect(DAYS.map((d) => d.id)).toContain(day);
    expect(SLOTS[day]!.map((s) => s.id)).toContain(requests[2]!.data!.slot);
    // The complete payload: the held slot (the endpoint's data) and the name the person typed.
    expect(answer).toEqual({ slot: requests[2]!.data!.slot, customer_name: expect.any(String) });
    expect(String(answer!.customer_name).length).toBeGreaterThan(0);
  });

  it("chooses again when the time was taken meanwhile, and the same seed makes the same choices", async () => {
    const first = fakeEndpoint({ refuse: 1 });
    const answer = await play(first.exchange, 7);
    expect(first.requests.filter((r) => r.data?.trigger === BOOKING_TRIGGERS.hold)).toHaveLength(2);
    expect(answer).toMatchObject({ slot: expect.stringMatching(/^2026-12-0[34]T/) });
    const again = fakeEndpoint({ refuse: 1 });
    expect(await play(again.exchange, 7)).toEqual(answer);
    expect(again.requests).toEqual(first.requests);
  });

  it("abandons when the endpoint fails (any call), offers nothing to choose, or keeps refusing", async () => {
    for (const failOn of ["INIT", BOOKING_TRIGGERS.day, BOOKING_TRIGGERS.hold])
      expect(await play(fakeEndpoint({ failOn }).exchange), failOn).toBeNull();
    const empty = fakeEndpoint({ noDays: true });
    expect(await play(empty.exchange)).toBeNull();
    expect(empty.requests).toHaveLength(1);
    expect(await play(fakeEndpoint({ refuse: 100 }).exchange)).toBeNull();
  });

  it("ends with the endpoint's SUCCESS params when its last screen is answered by the endpoint", async () => {
    const json = {
      version: "7.3",
      data_api_version: "3.0",
      routing_model: { ONLY: [] },
      screens: [
        {
          id: "ONLY",
          terminal: true,
          layout: {
            type: "SingleColumnLayout",
            children: [
              { type: "TextInput", name: "email", label: "Email", "input-type": "email", required: true },
              {
                type: "Footer",
                label: "Send",
                "on-click-action": { name: "data_exchange", payload: { email: "${form.email}" } },
              },
            ],
          },
        },
      ],
    };
    const answer = await playEndpointFlow({
      json,
      token: "t",
      opening: { action: "data_exchange" },
      exchange: async (r) =>
        r.action === "INIT"
          ? { screen: "ONLY", data: {} }
          : {
              screen: "SUCCESS",
              data: { extension_message_response: { params: { flow_token: "t", email: r.data!.email, ok: true } } },
            },
      roll: (name) => chance(3, name),
    });
    expect(answer).toEqual({ email: expect.stringMatching(/@example\.com$/), ok: true });
  });
});

describe("reachableEndpoint", () => {
  it("calls the endpoint_uri's path at the origin webhooks go to: the sandbox never calls the internet", () => {
    expect(
      reachableEndpoint(
        "https://parley.example.com/api/flows/endpoint/ws_1",
        "http://127.0.0.1:3000/api/webhooks/whatsapp",
      ),
    ).toBe("http://127.0.0.1:3000/api/flows/endpoint/ws_1");
    expect(reachableEndpoint("not a url", "http://127.0.0.1:3000/x")).toBeNull();
    expect(reachableEndpoint("https://a.example/x", "")).toBeNull();
  });
});

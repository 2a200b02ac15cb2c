// The sandbox playing WhatsApp's client for a flow served by a data-exchange endpoint
// (flows/guides/implementingyourflowendpoint), as a person who opens it: each request encrypted for the business's
// registered public key, its raw body signed with the app secret (X-Hub-Signature-256) and posted to the
// endpoint; INIT, then the data_exchange calls the screens define (a choice on select, a Footer), the person's
// choices seeded among the options the endpoint offered, until a `complete` (its payload resolved from the
// screens' data and answers) or the endpoint's SUCCESS. Anything WhatsApp gives up on (421, 427, 432, any
// other status, a timeout, an unreadable answer) or a screen the person cannot get past is an abandoned flow: null.
import { decryptExchangeResponse, encryptExchangeRequest } from "@/lib/flows/exchange-crypto";
import { childrenOf, entryScreen, type Action, type Component, type FlowJson } from "@/lib/flows/flow-json";
import { signBody } from "@/lib/webhooks/signature";
import type { FlowOpening } from "./fate";
import { answerTo, type StoredFlow } from "./flows";

export type ExchangeRequest = {
  version: string;
  action: "INIT" | "data_exchange";
  screen?: string;
  data?: Record<string, unknown>;
  flow_token: string;
};
export type ExchangeAnswer = { screen?: string; data?: Record<string, unknown> };
/** One request to the endpoint: its decrypted answer, or null where WhatsApp would close the flow. */
export type Exchange = (request: ExchangeRequest) => Promise<ExchangeAnswer | null>;

const TIMEOUT_MS = 10_000; // how long WhatsApp waits for an endpoint
const MAX_SCREENS = 20; // screens shown (a refused choice shows its screen again) before the person gives up
const INPUTS = new Set([
  "TextInput",
  "TextArea",
  "RadioButtonsGroup",
  "CheckboxGroup",
  "Dropdown",
  "DatePicker",
  "OptIn",
]);
const CHOICES = new Set(["RadioButtonsGroup", "CheckboxGroup", "Dropdown"]);
const REFERENCE = /^\$\{(?:screen\.(\w+)\.)?(form|data)\.(\w+)\}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Where the sandbox reaches Parley: the endpoint_uri's path at the origin its webhooks go to (never the internet). */
export function reachableEndpoint(endpointUri: string, webhookUrl: string): string | null {
  try {
    const target = new URL(endpointUri);
    return new URL(`${target.pathname}${target.search}`, new URL(webhookUrl).origin).toString();
  } catch {
    return null;
  }
}

/** The endpoint over HTTP, as WhatsApp calls it. */
export function httpExchange(options: {
  url: string;
  publicKey: string;
  appSecret: string;
  timeoutMs?: number;
}): Exchange {
  return async (request) => {
    try {
      const { body, aesKey, iv } = encryptExchangeRequest(request, options.publicKey);
      const raw = JSON.stringify(body);
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signBody(raw, options.appSecret) },
        body: raw,
        signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.status !== 200) return null;
      const answer = decryptExchangeResponse(text, aesKey, iv);
      return isObject(answer) ? answer : null;
    } catch {
      return null;
    }
  };
}

type Place = { form: Record<string, unknown>; data: Record<string, unknown> };

/** A value with its `${form.x}`, `${data.x}` and `${screen.S.form.x}` references filled in, as WhatsApp does. */
function resolve(value: unknown, here: Place, seen: Map<string, Place>): unknown {
  if (typeof value === "string") {
    const match = REFERENCE.exec(value);
    if (!match) return value;
    const [, screen, kind, name] = match as unknown as [string, string | undefined, "form" | "data", string];
    return (screen ? seen.get(screen) : here)?.[kind][name];
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, here, seen));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, here, seen)]));
  return value;
}

/** A choice's options the person can pick: listed, or bound to the screen's data ("${data.days}"), enabled ones. */
function optionsOf(component: Component, here: Place): { id: string; title: string }[] {
  const source = resolve(component["data-source"], here, new Map());
  if (!Array.isArray(source)) return [];
  return source.filter(
    (o): o is { id: string; title: string } => isObject(o) && typeof o.id === "string" && o.enabled !== false,
  );
}

/**
 * A person working through an endpoint flow: the answer WhatsApp sends (the `complete` payload, or the endpoint's
 * final params), without the token; null when they abandon it. `roll` gives a seeded number in [0, 1) per name.
 */
export async function playEndpointFlow(input: {
  json: unknown;
  token: string;
  opening: FlowOpening;
  exchange: Exchange;
  roll: (name: string) => number;
}): Promise<Record<string, unknown> | null> {
  const json = input.json as FlowJson;
  if (!isObject(json) || !Array.isArray(json.screens)) return null;
  const screens = new Map(json.screens.map((s) => [s.id, s]));
  const call = (action: ExchangeRequest["action"], screen?: string, data?: Record<string, unknown>) =>
    input.exchange({
      version: json.data_api_version ?? "3.0",
      action,
      ...(screen ? { screen } : {}),
      ...(data ? { data } : {}),
      flow_token: input.token,
    });

  let current: { id: string; data: Record<string, unknown> };
  if (input.opening.action === "data_exchange") {
    const first = await call("INIT");
    if (!first?.screen) return null;
    current = { id: first.screen, data: first.data ?? {} };
  } else {
    const id = input.opening.screen ?? entryScreen(json);
    if (!id) return null;
    current = { id, data: input.opening.data ?? {} };
  }

  const seen = new Map<string, Place>();
  for (let shown = 0; shown < MAX_SCREENS; shown++) {
    const screen = screens.get(current.id);
    if (!screen) return null;
    const here: Place = { form: {}, data: { ...current.data } };
    seen.set(screen.id, here);
    const roll = (name: string) => input.roll(`${shown}:${name}`);
    let moved = false;
    for (const component of childrenOf(screen)) {
      if (!INPUTS.has(component.type) || typeof component.name !== "string") continue;
      const options = optionsOf(component, here);
      if (CHOICES.has(component.type) && options.length === 0) {
        if (component.required) return null; // nothing to choose: the person leaves
        continue;
      }
      here.form[component.name] = answerTo({ name: component.name, type: component.type, options }, roll);
      const onSelect = component["on-select-action"] as Action | undefined;
      if (onSelect?.name !== "data_exchange") continue;
      const answer = await call("data_exchange", screen.id, resolve(onSelect.payload ?? {}, here, seen) as never);
      if (!answer) return null;
      if (answer.screen && answer.screen !== screen.id) {
        current = { id: answer.screen, data: answer.data ?? {} };
        moved = true;
        break;
      }
      Object.assign(here.data, answer.data ?? {});
    }
    if (moved) continue;

    const action = childrenOf(screen).find((c) => c.type === "Footer")?.["on-click-action"];
    const payload = resolve(action?.payload ?? {}, here, seen) as Record<string, unknown>;
    switch (action?.name) {
      case "complete":
        return payload;
      case "navigate":
        if (!action.next?.name) return null;
        current = { id: action.next.name, data: payload };
        break;
      case "data_exchange": {
        // The endpoint names the next screen, or this one again (a refused choice, its error_message shown).
        const answer = await call("data_exchange", screen.id, payload);
        if (!answer?.screen) return null;
        if (answer.screen === "SUCCESS") {
          const params = (answer.data?.extension_message_response as { params?: unknown } | undefined)?.params;
          if (!isObject(params)) return null;
          const { flow_token: _token, ...rest } = params;
          return rest;
        }
        current = { id: answer.screen, data: answer.data ?? {} };
        break;
      }
      default:
        return null;
    }
  }
  return null;
}

/**
 * The answer of a person who completes an endpoint flow (`flow`, opened as `opening`), through Parley's endpoint
 * at the origin webhooks go to; null when they abandon it (no registered key, no endpoint, or a failed call).
 */
export function endpointFlowAnswer(input: {
  flow: StoredFlow;
  token: string;
  opening: FlowOpening | undefined;
  publicKey: string | null;
  appSecret: string;
  webhookUrl: string;
  roll: (name: string) => number;
}): Promise<Record<string, unknown> | null> {
  const url = input.flow.endpoint_uri ? reachableEndpoint(input.flow.endpoint_uri, input.webhookUrl) : null;
  if (!url || !input.publicKey) return Promise.resolve(null);
  return playEndpointFlow({
    json: input.flow.json,
    token: input.token,
    opening: input.opening ?? { action: "data_exchange" },
    exchange: httpExchange({ url, publicKey: input.publicKey, appSecret: input.appSecret }),
    roll: input.roll,
  });
}

// How a WhatsApp Flow rides on a message: the token slot of a template's FLOW button, filled in when the message
// has an id, the interactive flow message the inbox sends, and the answer that comes back. Pure (the template
// preview imports it).
import { entryScreen } from "./flow-json";

/** The nonce that names the message carrying a flow: "m<Message id>" (campaign, journey, API) or "o<OutboundMessage id>" (inbox). */
export const messageRef = (kind: "message" | "outbound", id: string) => `${kind === "message" ? "m" : "o"}${id}`;

/**
 * What a template's FLOW button carries until the message has an id: the dispatcher puts the real token in
 * (withFlowToken) just before the request leaves.
 */
export const PENDING_FLOW_TOKEN = "parley:pending";

/**
 * A flow that asks Parley's data-exchange endpoint for its screens (its JSON has `data_api_version`): it opens
 * with flow_action "data_exchange", WhatsApp asking the endpoint for the first screen (INIT), never on a screen
 * named by the sender.
 */
export function usesEndpoint(json: unknown): boolean {
  return Boolean(
    json && typeof json === "object" && typeof (json as { data_api_version?: unknown }).data_api_version === "string",
  );
}

type Component = { type: string; sub_type?: string; parameters?: { type: string; action?: Record<string, unknown> }[] };

/** An interactive message that opens a published flow on its first screen (or the endpoint's), its token pending. */
export function flowMessage(flow: { metaFlowId: string | null; json: unknown }, body: string, cta: string) {
  const endpoint = usesEndpoint(flow.json);
  const screen = endpoint ? null : entryScreen(flow.json);
  return {
    type: "flow" as const,
    body: { text: body },
    action: {
      name: "flow" as const,
      parameters: {
        flow_message_version: "3" as const,
        flow_id: flow.metaFlowId!,
        flow_cta: cta,
        flow_token: PENDING_FLOW_TOKEN,
        flow_action: endpoint ? ("data_exchange" as const) : ("navigate" as const),
        ...(screen ? { flow_action_payload: { screen } } : {}),
      },
    },
  };
}

/**
 * The request with `token` wherever the pending token stands: each FLOW button of a template, or an
 * interactive flow's parameters (a caller's own token stays).
 */
export function withFlowToken<T>(request: T, token: string): T {
  const interactive = (request as { interactive?: { type: string; action: { parameters: { flow_token: string } } } })
    .interactive;
  if (interactive?.type === "flow" && interactive.action.parameters.flow_token === PENDING_FLOW_TOKEN)
    return {
      ...request,
      interactive: {
        ...interactive,
        action: { ...interactive.action, parameters: { ...interactive.action.parameters, flow_token: token } },
      },
    };
  const template = (request as { template?: { components?: Component[] } }).template;
  if (!template?.components?.some((c) => c.sub_type === "flow")) return request;
  return {
    ...request,
    template: {
      ...template,
      components: template.components.map((c) =>
        c.sub_type !== "flow"
          ? c
          : {
              ...c,
              parameters: c.parameters?.map((p) =>
                p.type === "action" && (p.action?.flow_token ?? PENDING_FLOW_TOKEN) === PENDING_FLOW_TOKEN
                  ? { ...p, action: { ...p.action, flow_token: token } }
                  : p,
              ),
            },
      ),
    },
  };
}

/** The answers of a reply (response_json, a JSON string), without the token; null when it is not an object. */
export function parseResponse(responseJson: string): { token: string; answers: Record<string, unknown> } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(responseJson);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const { flow_token: token, ...answers } = parsed as Record<string, unknown>;
  return { token: typeof token === "string" ? token : "", answers };
}

// How a WhatsApp Flow rides on a message: the token slot of a template's FLOW button, filled in when the message
// has an id, and the interactive flow message the inbox sends. Pure (the template preview imports it).
/** The nonce that names the message carrying a flow: "m<Message id>" (campaign, journey, API) or "o<OutboundMessage id>" (inbox). */
export const messageRef = (kind: "message" | "outbound", id: string) => `${kind === "message" ? "m" : "o"}${id}`;

/**
 * What a template's FLOW button carries until the message has an id: the dispatcher puts the real token in
 * (withFlowToken) just before the request leaves.
 */
export const PENDING_FLOW_TOKEN = "parley:pending";

type Component = { type: string; sub_type?: string; parameters?: { type: string; action?: Record<string, unknown> }[] };

/** The request with `token` in each FLOW button still carrying the pending token (a caller's own token stays). */
export function withFlowToken<T>(request: T, token: string): T {
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

// What an API key may do. A key carries a subset; every operation names the one scope it needs.
export const API_SCOPES = [
  "messages:send",
  "contacts:write",
  "contacts:read",
  "consent:write",
  "events:write",
  "analytics:read",
  "webhooks:manage",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  "messages:send": "Send messages and read them",
  "contacts:write": "Create and update contacts",
  "contacts:read": "Read contacts",
  "consent:write": "Record opt-ins and opt-outs",
  "events:write": "Send events (journeys start from them)",
  "analytics:read": "Read campaign and template analytics",
  "webhooks:manage": "Manage webhook endpoints",
};

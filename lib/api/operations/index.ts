// Every public API operation, listed once. The OpenAPI document (lib/api/openapi.ts) and the reference page
// are generated from this list, so an operation missing here is missing from the documentation (a test
// holds every route under app/api/public/v1 to it): when lib/api/operations/<resource>.ts appears, add
// its module below; every operation it exports is picked up.
import type { Operation } from "../operation";
import * as analytics from "./analytics";
import * as consent from "./consent";
import * as contacts from "./contacts";
import * as events from "./events";
import * as messages from "./messages";
import * as webhooks from "./webhooks";

const MODULES: Record<string, unknown>[] = [messages, contacts, consent, events, analytics, webhooks];

function isOperation(value: unknown): value is Operation {
  return (
    typeof value === "object" &&
    value !== null &&
    ["id", "method", "path", "scope", "response"].every((key) => key in value)
  );
}

export const ALL_OPERATIONS: readonly Operation[] = MODULES.flatMap((module) =>
  Object.values(module).filter(isOperation),
);

// The starters' ids apart from their JSON and the form's schema (zod), as the gallery lists them at render.
export const FLOW_STARTER_IDS = ["nps", "feedback", "booking", "liveBooking", "lead", "signup", "blank"] as const;
export type FlowStarterId = (typeof FLOW_STARTER_IDS)[number];
/** The starters the form editor can hold: all but the endpoint's booking Flow. */
export type FormStarterId = Exclude<FlowStarterId, "liveBooking">;
export const FORM_STARTER_IDS = FLOW_STARTER_IDS.filter((id): id is FormStarterId => id !== "liveBooking");

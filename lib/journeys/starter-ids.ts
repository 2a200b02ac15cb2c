// The starters' ids apart from their graphs and the form's schema (zod), as the gallery lists them at render.
export const STARTER_IDS = ["orderShipped", "appointmentReminder", "abandonedCart", "welcomeSeries", "blank"] as const;
export type StarterId = (typeof STARTER_IDS)[number];

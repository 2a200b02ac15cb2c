// A template's components as Meta holds them (message_templates: HEADER, BODY, FOOTER, BUTTONS, ...), read without
// trusting their shape. Here, below the domains, so that the campaign renderer, the flows' answers and the sandbox
// read a template's buttons the same way.

/** A template button: quick reply, URL, phone number, copy code, or FLOW (which opens a published WhatsApp Flow). */
export type TemplateButton = {
  type: string;
  text?: string;
  url?: string;
  flow_id?: string | number;
  flow_action?: string;
  navigate_screen?: string;
};

type Component = { type?: unknown; buttons?: unknown };

/** A template's buttons, in order (the BUTTONS component's), or none. */
export function templateButtons(components: unknown): TemplateButton[] {
  if (!Array.isArray(components)) return [];
  const buttons = (components as Component[]).find(
    (c) => typeof c?.type === "string" && c.type.toUpperCase() === "BUTTONS",
  )?.buttons;
  return Array.isArray(buttons)
    ? (buttons as unknown[]).filter((b): b is TemplateButton => typeof (b as TemplateButton)?.type === "string")
    : [];
}

/** The template's FLOW buttons (Meta allows one). */
export const flowButtons = (components: unknown) =>
  templateButtons(components).filter((b) => b.type.toUpperCase() === "FLOW");

import type { InboundMessageEvent } from "./schemas";

/** The text a person chose: a typed message, a template button or an interactive reply. */
export function replyText(message: InboundMessageEvent): string | undefined {
  return (
    message.text?.body ??
    message.button?.text ??
    message.interactive?.button_reply?.title ??
    message.interactive?.list_reply?.title
  );
}

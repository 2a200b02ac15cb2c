import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";

/** The section's pages get the messages their Client Components translate (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages part="campaigns">{children}</ClientMessages>;
}

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { HydrationMarker } from "@/components/providers/hydration-marker";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "WhatsApp marketing on Meta's Cloud API, self-hosted.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <QueryProvider>{children}</QueryProvider>
        <HydrationMarker />
      </body>
    </html>
  );
}

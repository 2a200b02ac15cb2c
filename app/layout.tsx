import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { BrowserTimeZone } from "@/components/providers/browser-time-zone";
import { ClientMessages } from "@/components/providers/client-messages";
import { HydrationMarker } from "@/components/providers/hydration-marker";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        <ClientMessages part="root">
          <BrowserTimeZone />
          {children}
        </ClientMessages>
        <HydrationMarker />
      </body>
    </html>
  );
}

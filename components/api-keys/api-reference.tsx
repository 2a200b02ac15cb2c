"use client";
// The public API's reference, rendered by Scalar from the OpenAPI document this Parley serves. Everything
// is bundled (no fonts, scripts or proxy from Scalar's servers), and "Test request" calls this same origin
// with the key the reader pastes in, which stays in this browser tab. Scalar draws its own <main>, so it is the
// page's (app/developers/page.tsx, outside the dashboard's shell); until it has loaded, this component's is.
import "@scalar/api-reference-react/style.css";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { API_PREFIX } from "@/lib/api/operation";

// Scalar renders with Vue into a DOM node: there is nothing to render on the server. Its module, with the reader's
// translation of Scalar's own interface where Scalar has none, loads only here.
const ScalarReference = dynamic(() => import("./scalar-reference").then((m) => m.ScalarReference), {
  ssr: false,
  loading: Loading,
});

function Loading() {
  const t = useTranslations("developers");
  return (
    <main className="mx-auto max-w-7xl px-4 py-6 text-sm text-muted sm:px-6">
      <p>{t("loading")}</p>
    </main>
  );
}

const subscribe = () => () => {};

// Scalar's light theme draws muted text, the search placeholder and the method badges (POST green, PUT orange)
// at 3:1 or less on white: axe's color-contrast asks 4.5:1. Darker shades of the same colours (the doubled class
// outranks Scalar's own rules, whatever their order).
const READABLE_COLOURS = `.light-mode.light-mode {
  --scalar-color-2: #5f5f5f;
  --scalar-color-3: #646464;
  --scalar-color-accent: #0369a1;
  --scalar-color-green: #047857;
  --scalar-color-red: #b91c1c;
  --scalar-color-yellow: #854d0e;
  --scalar-color-blue: #005a96;
  --scalar-color-orange: #c2410c;
}`;

export function ApiReference() {
  const t = useTranslations("developers");
  const locale = useLocale();
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  if (!origin) return <Loading />;
  return (
    <div data-testid="api-reference">
      <ScalarReference
        locale={locale}
        configuration={{
          url: `${API_PREFIX}/openapi.json`,
          // Calls go to the origin the page was opened on, whatever APP_URL the document names.
          servers: [{ url: `${origin}${API_PREFIX}`, description: t("thisServer") }],
          authentication: { preferredSecurityScheme: "apiKey" },
          persistAuth: false,
          withDefaultFonts: false,
          telemetry: false,
          agent: { disabled: true },
          mcp: { disabled: true },
          showDeveloperTools: "never",
          // The "open in Scalar's online client" link would send readers (and the document's URL) elsewhere.
          hideClientButton: true,
          forceDarkModeState: "light",
          hideDarkModeToggle: true,
          documentDownloadType: "json",
          defaultOpenAllTags: true,
          customCss: READABLE_COLOURS,
        }}
      />
    </div>
  );
}

"use client";
// The public API's reference, rendered by Scalar from the OpenAPI document this Parley serves. Everything
// is bundled (no fonts, scripts or proxy from Scalar's servers), and "Test request" calls this same origin
// with the key the reader pastes in, which stays in this browser tab.
import "@scalar/api-reference-react/style.css";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { API_PREFIX } from "@/lib/api/operation";

// Scalar renders with Vue into a DOM node: there is nothing to render on the server.
const ApiReferenceReact = dynamic(() => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: Loading,
});

function Loading() {
  const t = useTranslations("developers");
  return <p className="p-6 text-sm text-muted">{t("loading")}</p>;
}

const subscribe = () => () => {};

export function ApiReference() {
  const t = useTranslations("developers");
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  if (!origin) return null;
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-white" data-testid="api-reference">
      <ApiReferenceReact
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
        }}
      />
    </div>
  );
}

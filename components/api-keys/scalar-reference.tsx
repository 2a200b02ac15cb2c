"use client";
// Scalar itself, in the reader's language: api-reference.tsx loads this module lazily, so Scalar, and Parley's
// translation of its interface for a language Scalar does not ship, reach only the readers of /developers. Scalar
// has English, Spanish, French and Brazilian Portuguese (the Portuguese Parley speaks); Italian and Swedish are
// Parley's own (scalar-translations/), each its own chunk, fetched only for its readers.
import { ApiReferenceReact } from "@scalar/api-reference-react";
import type { ApiReferenceConfigurationWithSource, ApiReferenceTranslations } from "@scalar/types/api-reference";
import { use } from "react";
import type { Locale } from "@/lib/i18n/config";

const loading: Partial<Record<Locale, Promise<ApiReferenceTranslations>>> = {};

function translationsFor(locale: Locale): Promise<ApiReferenceTranslations> | undefined {
  switch (locale) {
    case "it":
      return (loading.it ??= import("./scalar-translations/it").then((m) => m.translations));
    case "sv":
      return (loading.sv ??= import("./scalar-translations/sv").then((m) => m.translations));
    default:
      return undefined;
  }
}

export function ScalarReference({
  configuration,
  locale,
}: {
  configuration: Partial<ApiReferenceConfigurationWithSource>;
  locale: Locale;
}) {
  const pending = translationsFor(locale);
  // Until the translation has arrived, the reference suspends and api-reference.tsx shows its loading text.
  const translations = pending ? use(pending) : undefined;
  return <ApiReferenceReact configuration={{ ...configuration, localization: { locale, translations } }} />;
}

"use client";
// The root layout itself failed: this replaces it, so it brings its own document, language, title, styles
// and translations (the layout's provider is gone). The language is the one the layout would have chosen
// from the cookie, else the browser's; the messages are the small errors namespace of all six languages.
import { NextIntlClientProvider } from "next-intl";
import { useSyncExternalStore } from "react";
import { ErrorPage } from "@/components/errors/error-page";
import { defaultLocale, isLocale, LOCALE_COOKIE, locales, type Locale } from "@/lib/i18n/config";
import en from "@/messages/en/errors.json";
import es from "@/messages/es/errors.json";
import fr from "@/messages/fr/errors.json";
import it from "@/messages/it/errors.json";
import pt from "@/messages/pt/errors.json";
import sv from "@/messages/sv/errors.json";
import "./globals.css";

const ERRORS: Record<Locale, typeof en> = { en, es, pt, it, fr, sv };

function browserLocale(): Locale {
  const cookie = document.cookie
    .split("; ")
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(cookie)) return cookie;
  const spoken = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase());
  return spoken.find((tag): tag is Locale => (locales as readonly string[]).includes(tag)) ?? defaultLocale;
}

const subscribe = () => () => {};

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(subscribe, browserLocale, () => defaultLocale);
  const errors = ERRORS[locale];
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        <title>{`${errors.page.title} · Parley`}</title>
        <NextIntlClientProvider locale={locale} messages={{ errors }} timeZone="UTC">
          <ErrorPage standalone error={error} retry={retry} back="dashboard" />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

"use client";
// The root layout itself failed: this replaces it, so it brings its own document, language, title, styles
// and translations (the layout's provider is gone). The language is the one the layout would have chosen
// from the cookie, else the browser's; the messages are the small errors namespace, English at hand and the
// other languages fetched when needed (each page's first load would otherwise carry all six).
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState, useSyncExternalStore, type ComponentProps } from "react";
import type { ErrorPage as FullErrorPage } from "@/components/errors/error-page";
import { defaultLocale, isLocale, LOCALE_COOKIE, locales, type Locale } from "@/lib/i18n/config";
import en from "@/messages/en/errors.json";
import "./globals.css";

type Errors = typeof en;
const OTHER_ERRORS: Record<Exclude<Locale, "en">, () => Promise<{ default: Errors }>> = {
  es: () => import("@/messages/es/errors.json"),
  pt: () => import("@/messages/pt/errors.json"),
  it: () => import("@/messages/it/errors.json"),
  fr: () => import("@/messages/fr/errors.json"),
  sv: () => import("@/messages/sv/errors.json"),
};

/** The errors namespace in `locale`: English at once, another language once fetched (English if that fails). */
function useErrors(locale: Locale): Errors | null {
  const [fetched, setFetched] = useState<{ locale: Locale; errors: Errors } | null>(null);
  useEffect(() => {
    if (locale === "en") return;
    let current = true;
    OTHER_ERRORS[locale]().then(
      (module) => current && setFetched({ locale, errors: module.default }),
      () => current && setFetched({ locale, errors: en }),
    );
    return () => {
      current = false;
    };
  }, [locale]);
  if (locale === "en") return en;
  return fetched?.locale === locale ? fetched.errors : null;
}

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

/** The error page is fetched when this shows (it is not part of every page's first load). */
const ErrorPage = lazy(() =>
  import("@/components/errors/error-page").then(
    (module) => ({ default: module.ErrorPage }),
    () => ({ default: PlainErrorPage }),
  ),
);

/** If that fetch fails too (the network went with the layout), the same words without the page's styling. */
function PlainErrorPage({ retry }: ComponentProps<typeof FullErrorPage>) {
  const t = useTranslations("errors.page");
  return (
    <main className="mx-auto max-w-md p-8">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2">{t("body")}</p>
      <button type="button" onClick={retry} className="mt-4 underline">
        {t("retry")}
      </button>
    </main>
  );
}

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useSyncExternalStore(subscribe, browserLocale, () => defaultLocale);
  const errors = useErrors(locale);
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        {errors && (
          <>
            <title>{`${errors.page.title} · Parley`}</title>
            <NextIntlClientProvider locale={locale} messages={{ errors }} timeZone="UTC">
              <Suspense>
                <ErrorPage standalone error={error} retry={retry} back="dashboard" />
              </Suspense>
            </NextIntlClientProvider>
          </>
        )}
      </body>
    </html>
  );
}

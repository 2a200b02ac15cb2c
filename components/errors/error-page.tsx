"use client";
// What every error boundary shows (app/error.tsx, app/(dashboard)/error.tsx and each section's, app/(auth)/error.tsx,
// through lazy-error-page.tsx, and app/global-error.tsx). Never the error's message or stack: from a server
// component it is a generic text anyway, and from a client component it may hold details a user should not see.
// The digest is the handle that finds the full error in the server's log, so the person can quote it.
import { RotateCcw, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { SECTION_PATHS, type Section } from "./sections";
import { StatusPage } from "./status-page";

const digestOf = (error: unknown) => {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : null;
};

export function ErrorPage({
  error,
  retry,
  back,
  section,
  standalone = false,
}: {
  error: unknown;
  /** Next's retry: fetches and renders the segment again. */
  retry: () => void;
  /** Where "back" leads: the dashboard, or the sign-in page outside it. */
  back: "dashboard" | "signIn";
  /** Inside a dashboard section: a way back to the section too (its list may work when one page does not). */
  section?: Section;
  standalone?: boolean;
}) {
  const t = useTranslations("errors");
  const digest = digestOf(error);
  const ways = [
    ...(section ? [{ href: SECTION_PATHS[section], label: t(`sections.${section}.back`) }] : []),
    // Home is where the dashboard link leads already.
    ...(section === "home"
      ? []
      : [
          back === "signIn"
            ? { href: "/login", label: t("page.backToSignIn") }
            : { href: "/", label: t("page.backToDashboard") },
        ]),
  ];
  return (
    <StatusPage
      icon={TriangleAlert}
      tone="warning"
      title={t("page.title")}
      standalone={standalone}
      actions={
        <>
          <Button type="button" onClick={() => retry()}>
            <RotateCcw className="size-4" aria-hidden /> {t("page.retry")}
          </Button>
          {/* A full load rather than a client navigation: it starts from a clean state. */}
          {ways.map((way) => (
            <a key={way.href} href={way.href} className={buttonVariants({ variant: "secondary" })}>
              {way.label}
            </a>
          ))}
        </>
      }
    >
      <p>{t("page.body")}</p>
      {digest && (
        <p>
          {t.rich("page.reference", { digest, code: (chunks) => <span className="font-mono text-ink">{chunks}</span> })}
        </p>
      )}
    </StatusPage>
  );
}

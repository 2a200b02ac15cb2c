"use client";
// What every error boundary shows (app/error.tsx, app/(dashboard)/error.tsx, app/(auth)/error.tsx,
// app/global-error.tsx). Never the error's message or stack: from a server component it is a generic text
// anyway, and from a client component it may hold details a user should not see. The digest is the handle
// that finds the full error in the server's log, so the person can quote it.
import { RotateCcw, TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { StatusPage } from "./status-page";

const digestOf = (error: unknown) => {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : null;
};

export function ErrorPage({
  error,
  retry,
  back,
  standalone = false,
}: {
  error: unknown;
  /** Next's retry: fetches and renders the segment again. */
  retry: () => void;
  /** Where "back" leads: the dashboard, or the sign-in page outside it. */
  back: "dashboard" | "signIn";
  standalone?: boolean;
}) {
  const t = useTranslations("errors.page");
  const digest = digestOf(error);
  return (
    <StatusPage
      icon={TriangleAlert}
      tone="warning"
      title={t("title")}
      standalone={standalone}
      actions={
        <>
          <Button type="button" onClick={() => retry()}>
            <RotateCcw className="size-4" aria-hidden /> {t("retry")}
          </Button>
          {/* A full load rather than a client navigation: it starts from a clean state. */}
          <a href={back === "signIn" ? "/login" : "/"} className={buttonVariants({ variant: "secondary" })}>
            {back === "signIn" ? t("backToSignIn") : t("backToDashboard")}
          </a>
        </>
      }
    >
      <p>{t("body")}</p>
      {digest && (
        <p>{t.rich("reference", { digest, code: (chunks) => <span className="font-mono text-ink">{chunks}</span> })}</p>
      )}
    </StatusPage>
  );
}

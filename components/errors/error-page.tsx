"use client";
// What every error boundary shows (app/error.tsx, app/(dashboard)/error.tsx, app/(auth)/error.tsx,
// app/global-error.tsx). Never the error's message or stack: from a server component it is a generic text
// anyway, and from a client component it may hold details a user should not see. The digest is the handle
// that finds the full error in the server's log, so the person can quote it.
import { RotateCcw, TriangleAlert } from "lucide-react";
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
  back: { href: string; label: string };
  standalone?: boolean;
}) {
  const digest = digestOf(error);
  return (
    <StatusPage
      icon={TriangleAlert}
      tone="warning"
      title="Something went wrong"
      standalone={standalone}
      actions={
        <>
          <Button type="button" onClick={() => retry()}>
            <RotateCcw className="size-4" aria-hidden /> Try again
          </Button>
          {/* A full load rather than a client navigation: it starts from a clean state. */}
          <a href={back.href} className={buttonVariants({ variant: "secondary" })}>
            {back.label}
          </a>
        </>
      }
    >
      <p>Parley could not show this page. Try again; if it keeps happening, tell your workspace admin.</p>
      {digest && (
        <p>
          Reference for your admin: <span className="font-mono text-ink">{digest}</span>
        </p>
      )}
    </StatusPage>
  );
}

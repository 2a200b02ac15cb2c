"use client";
import { LazyErrorPage } from "@/components/errors/lazy-error-page";

/** A page under /settings failed: shown inside the shell, with a way back to the section. */
export default function SettingsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LazyErrorPage error={error} retry={retry} back="dashboard" section="settings" />;
}

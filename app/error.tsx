"use client";
import { ErrorPage } from "@/components/errors/error-page";

/** A page outside the dashboard and sign-in segments failed (the root layout still stands). */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPage standalone error={error} retry={retry} back="dashboard" />;
}

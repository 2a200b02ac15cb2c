"use client";
import { LazyErrorPage } from "@/components/errors/lazy-error-page";

export default function AuthError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LazyErrorPage standalone error={error} retry={retry} back="signIn" />;
}

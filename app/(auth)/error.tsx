"use client";
import { ErrorPage } from "@/components/errors/error-page";

export default function AuthError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPage standalone error={error} retry={retry} back="signIn" />;
}

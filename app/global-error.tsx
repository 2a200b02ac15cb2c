"use client";
// The root layout itself failed: this replaces it, so it brings its own document, language, title and styles.
import { ErrorPage } from "@/components/errors/error-page";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <title>Something went wrong · Parley</title>
        <ErrorPage standalone error={error} retry={retry} back={{ href: "/", label: "Back to your dashboard" }} />
      </body>
    </html>
  );
}

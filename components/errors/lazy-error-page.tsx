"use client";
// Every error boundary (app/error.tsx, the dashboard's, each section's, the sign-in pages') is part of its page's
// first download though it shows only when something fails. Each loads the error page's code when it does: the
// pages no longer carry a copy of it, its icons and buttons per boundary (about 4 KB each, three or four a page).
// React's own lazy, not next/dynamic, whose loader would be copied into each boundary instead. (app/global-error.tsx
// does the same with a plain fallback, as it shows when the layout, and perhaps the network, failed.)
import { lazy, Suspense, type ComponentProps } from "react";

const ErrorPage = lazy(() => import("./error-page").then((module) => ({ default: module.ErrorPage })));

export function LazyErrorPage(props: ComponentProps<typeof ErrorPage>) {
  return (
    <Suspense>
      <ErrorPage {...props} />
    </Suspense>
  );
}

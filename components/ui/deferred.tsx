"use client";
// Parts of the page that only matter once someone uses them (the account menu, the phone's navigation drawer,
// toasts) are drawn on the server as a stand-in and load their code after the page is up, so it is not part of
// every page's first download. The stand-in gets the same props and looks the same; until the code arrives it
// is inert (a disabled button), never a control that silently does nothing.
import { lazy, Suspense, type ComponentType } from "react";
import { useHydrated } from "./use-hydrated";

export function deferred<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  StandIn: ComponentType<P>,
): ComponentType<P> {
  const Loaded = lazy(load);
  function Deferred(props: P) {
    const hydrated = useHydrated();
    if (!hydrated) return <StandIn {...props} />;
    return (
      <Suspense fallback={<StandIn {...props} />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return Deferred;
}

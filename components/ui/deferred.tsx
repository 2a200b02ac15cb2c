"use client";
// Parts of the page that only matter once someone uses them (the account menu, the phone's navigation drawer,
// toasts) are drawn on the server as a stand-in and load their code after the page is up, so it is not part of
// every page's first download. The stand-in gets the same props and looks the same; until the code arrives it
// is inert (a disabled button), never a control that silently does nothing.
import { startTransition, useEffect, useState, type ComponentType } from "react";
import { useHydrated } from "./use-hydrated";

let turns: Promise<unknown> = Promise.resolve();

/**
 * Resolves in a task of its own, after every turn asked for before it. The parts of a page (its selects, menus,
 * dialogs) turn from stand-ins into their controls one per task: together, after hydration, they were one long
 * task in which a phone could not answer a tap (the template builder's eight selects: about 100 ms of Lighthouse's
 * blocking time on the mobile preset).
 */
function nextTurn(): Promise<unknown> {
  turns = turns.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return turns;
}

export function deferred<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  StandIn: ComponentType<P>,
): ComponentType<P> {
  let Loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const ensureLoaded = () =>
    (loading ??= load().then(
      (module) => (Loaded = module.default),
      (error: unknown) => {
        loading = undefined; // a failed download is tried again by the next part drawn
        throw error;
      },
    ));
  function Deferred(props: P) {
    // The server and hydration draw the stand-in; a part drawn later starts as its control when the code is there.
    const hydrated = useHydrated();
    const [View, setView] = useState<ComponentType<P>>();
    const Shown = View ?? (hydrated ? Loaded : undefined);
    useEffect(() => {
      if (Shown) return;
      let live = true;
      ensureLoaded()
        .then(nextTurn)
        .then(
          // A transition: React draws the control in slices, yielding to the phone between them.
          () => live && startTransition(() => setView(() => Loaded)),
          (error: unknown) => console.error("A part of the page could not load; it stays inert.", error),
        );
      return () => {
        live = false;
      };
    }, [Shown]);
    return Shown ? <Shown {...props} /> : <StandIn {...props} />;
  }
  return Deferred;
}

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False on the server and while React hydrates the page; true from then on. */
export function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

"use client";
// Short confirmations ("Segment saved.") and failures that outlive a navigation: a toast is raised from any
// client code with `toast(...)` and shown by the one <Toaster /> in the dashboard layout (Radix Toast, in
// components/ui/toaster-view.tsx: announced politely, paused on hover, dismissed with a swipe or Escape). The
// view's code loads after the page is up; a toast raised before it arrives waits here and shows then.
import { useSyncExternalStore } from "react";
import { deferred } from "./deferred";

export type Item = { id: number; text: string; ok: boolean };

let items: Item[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const none: Item[] = [];

/** Shows a toast: `ok: false` for a failure (it stays longer and is announced assertively). */
export function toast(text: string, { ok = true }: { ok?: boolean } = {}) {
  items = [...items, { id: nextId++, text, ok }];
  emit();
}

export const dismissToast = (id: number) => {
  items = items.filter((i) => i.id !== id);
  emit();
};

/** The toasts waiting to be shown, oldest first. */
export function useToasts(): Item[] {
  return useSyncExternalStore(
    subscribe,
    () => items,
    () => none,
  );
}

export const Toaster = deferred(
  () => import("./toaster-view"),
  () => null,
);

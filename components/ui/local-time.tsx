"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A UTC timestamp shown in the viewer's own time zone (UTC until the browser takes over). */
export function LocalTime({ value, dateOnly = false }: { value: Date | string; dateOnly?: boolean }) {
  const timeZone = useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "UTC",
  );
  const date = new Date(value);
  const text = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    ...(dateOnly ? {} : { timeStyle: "short" }),
    timeZone,
  }).format(date);
  return (
    <time dateTime={date.toISOString()} title={`${date.toISOString()} (shown in ${timeZone})`}>
      {text}
    </time>
  );
}

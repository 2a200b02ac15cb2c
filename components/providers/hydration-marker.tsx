"use client";
import { useEffect } from "react";

/**
 * Marks the page once React has hydrated it (`<html data-hydrated>`). Browser tests wait for it before they
 * type: on a busy machine, typing into a server-rendered field while React hydrates it can lose the selection,
 * so a "replace this value" appended to it instead.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}

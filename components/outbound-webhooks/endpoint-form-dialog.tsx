"use client";
// Add or edit a webhook endpoint: the button is drawn with the page, inert until the form (react-hook-form and
// Radix Dialog), loaded after the page is up, is there (components/ui/deferred.tsx).
import { cloneElement, type ReactElement } from "react";
import { deferred } from "@/components/ui/deferred";
import type { EndpointFormDialogProps } from "./endpoint-form-dialog-view";

export const EndpointFormDialog = deferred(
  () => import("./endpoint-form-dialog-view"),
  ({ trigger }: EndpointFormDialogProps) =>
    cloneElement(trigger as ReactElement<{ disabled?: boolean }>, { disabled: true }),
);

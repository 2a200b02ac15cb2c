"use client";
// A question before something that cannot be undone, in place of the browser's confirm(). The button that asks
// is drawn with the page (disabled until the dialog's code, loaded after the page is up, is there).
import { cloneElement, type ReactElement } from "react";
import type { ConfirmDialogProps } from "./confirm-dialog-view";
import { deferred } from "./deferred";

export const ConfirmDialog = deferred(
  () => import("./confirm-dialog-view"),
  ({ trigger }: ConfirmDialogProps) =>
    cloneElement(trigger as ReactElement<{ disabled?: boolean }>, { disabled: true }),
);

"use client";
// The confirmation dialog's view (components/ui/confirm-dialog.tsx): Radix AlertDialog, so focus starts on the
// way out, Escape keeps things as they are, and the question is read out with its title.
import { AlertDialog as A } from "radix-ui";
import { useTranslations } from "next-intl";
import { useState, type ReactElement } from "react";
import { Button } from "./button";

export type ConfirmDialogProps = {
  /** The button that asks: it opens the dialog instead of acting. */
  trigger: ReactElement;
  title: string;
  description?: string;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void | Promise<unknown>;
};

/** The dialog (loaded after the page is up: components/ui/confirm-dialog.tsx). */
export default function ConfirmDialogView({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
}: ConfirmDialogProps) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <A.Root open={open} onOpenChange={setOpen}>
      <A.Trigger asChild>{trigger}</A.Trigger>
      <A.Portal>
        <A.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <A.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <A.Title className="text-lg font-semibold">{title}</A.Title>
          <A.Description className={description ? "mt-1 text-sm text-muted" : "sr-only"}>
            {description ?? title}
          </A.Description>
          <div className="mt-6 flex justify-end gap-2">
            <A.Cancel asChild>
              <Button variant="secondary">{cancelLabel ?? t("keepIt")}</Button>
            </A.Cancel>
            <Button
              variant="danger"
              disabled={pending}
              onClick={async () => {
                setPending(true);
                try {
                  await onConfirm();
                } finally {
                  setPending(false);
                  setOpen(false);
                }
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}

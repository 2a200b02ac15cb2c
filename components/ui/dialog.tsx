"use client";
import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "./button";
import { StatusMessage, type Outcome } from "./status-message";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

export function DialogContent({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <D.Content className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
        <D.Title className="text-lg font-semibold">{title}</D.Title>
        {description ? (
          <D.Description className="mt-1 text-sm text-muted">{description}</D.Description>
        ) : (
          <D.Description className="sr-only">{title}</D.Description>
        )}
        <div className="mt-4">{children}</div>
        <D.Close className="absolute top-4 right-4 rounded p-1 text-muted hover:bg-gray-100" aria-label={t("close")}>
          <X className="size-4" aria-hidden />
        </D.Close>
      </D.Content>
    </D.Portal>
  );
}

/** The foot of a confirmation: what went wrong (if it did), a way out, and the action itself. */
export function DialogConfirm({
  outcome,
  pending,
  onConfirm,
  confirmLabel,
  pendingLabel,
  cancelLabel,
}: {
  outcome: Outcome;
  pending: boolean;
  onConfirm: () => void;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
}) {
  const t = useTranslations("common");
  return (
    <>
      <StatusMessage outcome={outcome} boxed className="mb-4" />
      <div className="flex justify-end gap-2">
        <D.Close asChild>
          <Button variant="secondary">{cancelLabel ?? t("keepIt")}</Button>
        </D.Close>
        <Button variant="danger" disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </>
  );
}

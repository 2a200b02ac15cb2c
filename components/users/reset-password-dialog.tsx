"use client";
// Reset a member's password: the button is drawn with the page, inert until the dialog that asks first (Radix
// Dialog), loaded after the page is up, is there (components/ui/deferred.tsx).
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export type ResetPasswordDialogProps = { userId: string; name: string; email: string };

export function ResetPasswordButton({ name, ...button }: { name: string } & ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("settings.users.reset");
  return (
    <Button variant="ghost" size="sm" {...button}>
      <KeyRound className="size-4" aria-hidden />{" "}
      {t.rich("trigger", { name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
    </Button>
  );
}

export const ResetPasswordDialog = deferred(
  () => import("./reset-password-dialog-view"),
  ({ name }: ResetPasswordDialogProps) => <ResetPasswordButton name={name} disabled />,
);

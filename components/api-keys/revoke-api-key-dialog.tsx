"use client";
// Revoke an API key: the button is drawn with the page, inert until the dialog that asks first (Radix Dialog),
// loaded after the page is up, is there (components/ui/deferred.tsx).
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export type RevokeApiKeyDialogProps = { id: string; name: string; prefix: string };

export function RevokeApiKeyButton({ name, ...button }: { name: string } & ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("settings.api.revoke");
  return (
    <Button variant="secondary" size="sm" {...button}>
      {t.rich("trigger", { name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
    </Button>
  );
}

export const RevokeApiKeyDialog = deferred(
  () => import("./revoke-api-key-dialog-view"),
  ({ name }: RevokeApiKeyDialogProps) => <RevokeApiKeyButton name={name} disabled />,
);

"use client";
// Create an API key: the button is drawn with the page, inert until the form (Radix Dialog and react-hook-form),
// loaded after the page is up, is there (components/ui/deferred.tsx).
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export function CreateApiKeyButton(props: ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("settings.api.create");
  return (
    <Button {...props}>
      <KeyRound className="size-4" aria-hidden /> {t("trigger")}
    </Button>
  );
}

export const CreateApiKeyDialog = deferred(
  () => import("./create-api-key-dialog-view"),
  () => <CreateApiKeyButton disabled />,
);

"use client";
// New consent list: the button is drawn with the page, inert until the form (Radix Dialog and the form's code),
// loaded after the page is up, is there (components/ui/deferred.tsx).
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export function CreateConsentListButton(props: ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("audiences.consentLists");
  return (
    <Button {...props}>
      <Plus className="size-4" aria-hidden /> {t("create.button")}
    </Button>
  );
}

export const CreateConsentListDialog = deferred(
  () => import("./create-consent-list-dialog-view"),
  () => <CreateConsentListButton disabled />,
);

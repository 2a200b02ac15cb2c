"use client";
// Erase a contact: the button is drawn with the page, inert until the dialog that asks first (Radix Dialog),
// loaded after the page is up, is there (components/ui/deferred.tsx).
import { Eraser } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export type EraseContactDialogProps = { contactId: string; label: string };

export function EraseContactButton(props: ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("audiences.privacy");
  return (
    <Button variant="secondary" size="sm" {...props}>
      <Eraser className="size-4" aria-hidden /> {t("erase")}
    </Button>
  );
}

export const EraseContactDialog = deferred(
  () => import("./erase-contact-dialog-view"),
  () => <EraseContactButton disabled />,
);

"use client";
// Delete a template's language version: the button is drawn with the page, inert until the dialog that asks
// first (Radix Dialog), loaded after the page is up, is there (components/ui/deferred.tsx).
import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export type DeleteTemplateDialogProps = { submitted: boolean; pending: boolean; onDelete: () => void };

export function DeleteTemplateButton(props: ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("templates");
  return (
    <Button size="sm" variant="secondary" {...props}>
      <Trash2 className="size-4" aria-hidden /> {t("actions.delete")}
    </Button>
  );
}

export const DeleteTemplateDialog = deferred(
  () => import("./delete-template-dialog-view"),
  () => <DeleteTemplateButton disabled />,
);

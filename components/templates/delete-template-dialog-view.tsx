"use client";
// Deleting a template's language version, asked first (loaded after the page is up: delete-template-dialog.tsx).
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { DeleteTemplateButton, type DeleteTemplateDialogProps } from "./delete-template-dialog";

export default function DeleteTemplateDialogView({ submitted, pending, onDelete }: DeleteTemplateDialogProps) {
  const t = useTranslations("templates");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <DeleteTemplateButton disabled={pending} />
      </DialogTrigger>
      <DialogContent
        title={t("actions.deleteTitle")}
        description={submitted ? t("actions.deleteSubmitted") : t("actions.deleteDraft")}
      >
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{t("actions.keep")}</Button>
          </DialogClose>
          <Button variant="danger" disabled={pending} onClick={onDelete}>
            {t("actions.delete")}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

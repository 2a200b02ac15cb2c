"use client";
// Erasing a contact, asked first (loaded after the page is up: erase-contact-dialog.tsx).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { eraseContactAction } from "@/app/(dashboard)/audiences/contacts/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import { EraseContactButton, type EraseContactDialogProps } from "./erase-contact-dialog";

export default function EraseContactDialogView({ contactId, label }: EraseContactDialogProps) {
  const t = useTranslations("audiences.privacy");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <>
      <Dialog>
        <DialogTrigger asChild>
          <EraseContactButton />
        </DialogTrigger>
        <DialogContent title={t("confirm.title", { name: label })} description={t("confirm.description")}>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t("confirm.keep")}</Button>
            </DialogClose>
            <Button
              variant="danger"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const result = await eraseContactAction({ contactId });
                  if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
                  router.push("/audiences/contacts");
                })
              }
            >
              {t("confirm.erase")}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
      <StatusMessage outcome={outcome} />
    </>
  );
}

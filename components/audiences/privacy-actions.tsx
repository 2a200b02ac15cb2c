"use client";
import { Download, Eraser } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { eraseContactAction } from "@/app/(dashboard)/audiences/contacts/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";

/** Privacy requests for admins: export everything held on this person, or erase them. */
export function PrivacyActions({ contactId, label }: { contactId: string; label: string }) {
  const t = useTranslations("audiences.privacy");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button asChild variant="secondary" size="sm">
        <a href={`/api/v1/contacts/${contactId}/export`}>
          <Download className="size-4" aria-hidden /> {t("exportAll")}
        </a>
      </Button>
      <Button asChild variant="secondary" size="sm">
        <a href={`/api/v1/contacts/${contactId}/consent`}>
          <Download className="size-4" aria-hidden /> {t("consentCsv")}
        </a>
      </Button>
      <Button asChild variant="secondary" size="sm">
        <a href={`/api/v1/contacts/${contactId}/consent?format=json`}>
          <Download className="size-4" aria-hidden /> {t("consentJson")}
        </a>
      </Button>
      <Dialog>
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm">
            <Eraser className="size-4" aria-hidden /> {t("erase")}
          </Button>
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
    </div>
  );
}

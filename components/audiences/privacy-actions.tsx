"use client";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EraseContactDialog } from "./erase-contact-dialog";

/** Privacy requests for admins: export everything held on this person, or erase them. */
export function PrivacyActions({ contactId, label }: { contactId: string; label: string }) {
  const t = useTranslations("audiences.privacy");
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
      <EraseContactDialog contactId={contactId} label={label} />
    </div>
  );
}

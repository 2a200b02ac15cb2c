"use client";
import { Download, Eraser } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { eraseContactAction } from "@/app/(dashboard)/audiences/contacts/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";

/** Privacy requests for admins: export everything held on this person, or erase them. */
export function PrivacyActions({ contactId, label }: { contactId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button asChild variant="secondary" size="sm">
        <a href={`/api/v1/contacts/${contactId}/export`}>
          <Download className="size-4" aria-hidden /> Export all data (JSON)
        </a>
      </Button>
      <Button asChild variant="secondary" size="sm">
        <a href={`/api/v1/contacts/${contactId}/consent`}>
          <Download className="size-4" aria-hidden /> Consent record (CSV)
        </a>
      </Button>
      <Button asChild variant="secondary" size="sm">
        <a href={`/api/v1/contacts/${contactId}/consent?format=json`}>
          <Download className="size-4" aria-hidden /> Consent record (JSON)
        </a>
      </Button>
      <Dialog>
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm">
            <Eraser className="size-4" aria-hidden /> Erase contact
          </Button>
        </DialogTrigger>
        <DialogContent
          title={`Erase ${label}?`}
          description="Their details, consent history and messages are deleted. Parley keeps only an anonymised suppression (a keyed hash of the number), so an import or an admin cannot opt them in again. This cannot be undone."
        >
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Keep</Button>
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
              Erase
            </Button>
          </div>
        </DialogContent>
      </Dialog>
      <StatusMessage outcome={outcome} />
    </div>
  );
}

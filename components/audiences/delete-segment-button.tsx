"use client";
// Deleting a segment, after a confirmation that says what it changes.
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteSegmentAction } from "@/app/(dashboard)/audiences/segments/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";

export function DeleteSegmentButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);

  const remove = () =>
    start(async () => {
      setOutcome(null);
      const result = await deleteSegmentAction({ id });
      if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
      router.push("/audiences/segments");
      router.refresh();
    });

  return (
    <Dialog onOpenChange={() => setOutcome(null)}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Trash2 className="size-4" aria-hidden /> Delete segment
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete the segment ${name}?`}
        description="Its rules are removed. Contacts are not touched, and campaigns that already started keep their recipients."
      >
        <DialogConfirm
          outcome={outcome}
          pending={pending}
          onConfirm={remove}
          confirmLabel="Delete"
          pendingLabel="Deleting…"
        />
      </DialogContent>
    </Dialog>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createConsentListAction } from "@/app/(dashboard)/audiences/consent-lists/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { consentListSchema, type ConsentListInput } from "@/lib/consent/schemas";

export function CreateConsentListDialog() {
  const [open, setOpen] = useState(false);
  const form = useForm<ConsentListInput>({
    resolver: zodResolver(consentListSchema),
    defaultValues: { name: "", description: "", category: "MARKETING" },
  });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit, outcome } = useActionForm(form, createConsentListAction, {
    onSuccess: () => {
      form.reset();
      setOpen(false);
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden /> New consent list
        </Button>
      </DialogTrigger>
      <DialogContent
        title="New consent list"
        description="A list is one purpose people opt in to, such as Promotions or Order updates."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div>
            <Label htmlFor="list-name">Name</Label>
            <Input
              id="list-name"
              aria-invalid={Boolean(errors.name)}
              aria-describedby="list-name-error"
              {...form.register("name")}
            />
            <FieldError id="list-name-error" message={errors.name?.message} />
          </div>
          <div>
            <Label htmlFor="list-description">What people receive</Label>
            <Input
              id="list-description"
              placeholder="Offers and news, at most weekly"
              aria-describedby="list-description-error"
              {...form.register("description")}
            />
            <FieldError id="list-description-error" message={errors.description?.message} />
          </div>
          <div>
            <Label htmlFor="list-category">Purpose</Label>
            <Select id="list-category" {...form.register("category")}>
              <option value="MARKETING">Marketing (STOP and WhatsApp&apos;s own setting close it)</option>
              <option value="UTILITY">Utility (order and account updates)</option>
            </Select>
          </div>
          <div className="flex items-center justify-end gap-3">
            <StatusMessage outcome={outcome} />
            <Button type="submit" disabled={isSubmitting}>
              Create list
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { recordConsentAction } from "@/app/(dashboard)/audiences/contacts/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { MANUAL_SOURCES, recordConsentSchema, type RecordConsentInput } from "@/lib/consent/schemas";

const SOURCE_LABELS: Record<(typeof MANUAL_SOURCES)[number], string> = {
  ADMIN: "Admin decision",
  WEB_FORM: "Web form",
  SMS: "SMS",
  CHAT: "Chat",
  PHONE: "Phone call",
  PAPER: "Paper form",
};

export function RecordConsentForm({ contactId, lists }: { contactId: string; lists: { id: string; name: string }[] }) {
  const form = useForm<RecordConsentInput>({
    resolver: zodResolver(recordConsentSchema),
    defaultValues: { contactId, consentListId: lists[0]?.id ?? "", action: "OPT_IN", source: "PAPER", proof: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit, outcome } = useActionForm(form, recordConsentAction, {
    onSuccess: (_data, values) => {
      form.reset({ ...values, proof: "" });
      return "Recorded. It applies to every later send.";
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <div>
        <Label htmlFor="consent-list">Consent list</Label>
        <Select id="consent-list" {...form.register("consentListId")}>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="consent-action">Change</Label>
        <Select id="consent-action" {...form.register("action")}>
          <option value="OPT_IN">Opted in</option>
          <option value="OPT_OUT">Opted out</option>
        </Select>
      </div>
      <div>
        <Label htmlFor="consent-source">Source</Label>
        <Select id="consent-source" {...form.register("source")}>
          {MANUAL_SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="consent-proof">Wording or proof</Label>
        <Input
          id="consent-proof"
          placeholder="“Yes, send me offers on WhatsApp” — signed form #1042, kept at the Madrid store"
          aria-invalid={Boolean(errors.proof)}
          aria-describedby="consent-proof-error"
          {...form.register("proof")}
        />
        <FieldError id="consent-proof-error" message={errors.proof?.message} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          Record consent change
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}

"use client";
// An admin creates an API key: a name, its scopes and an optional expiry; the whole key is then shown
// once, with a way to copy it. Closing the dialog forgets it: the server keeps only its hash.
import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiKeyAction } from "@/app/(dashboard)/settings/api/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api/schemas";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/api/scopes";
import { CopyButton } from "./copy-button";

const today = () => new Date().toISOString().slice(0, 10);

export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "", scopes: [], expiresOn: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome, setOutcome } = useActionForm(form, createApiKeyAction, {
    onSuccess: (data) => {
      setCreated({ name: data.name, key: data.key });
      form.reset();
    },
  });
  const formError = outcome?.ok === false ? outcome.text : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setCreated(null);
          setOutcome(null);
          form.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <KeyRound className="size-4" aria-hidden /> Create key
        </Button>
      </DialogTrigger>
      <DialogContent
        title={created ? "Copy your new API key" : "Create an API key"}
        description={
          created
            ? undefined
            : "Give each system its own key with only the scopes it needs, so you can revoke one without stopping the others."
        }
      >
        {created ? (
          <div className="space-y-4 text-sm">
            <p role="status">
              <strong>{created.name}</strong> was created. Send it as{" "}
              <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>.
            </p>
            <div>
              <Label htmlFor="new-api-key">API key</Label>
              <div className="flex gap-2">
                <Input
                  id="new-api-key"
                  readOnly
                  value={created.key}
                  className="font-mono text-xs"
                  data-testid="new-api-key"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton text={created.key} label="Copy key" />
              </div>
            </div>
            <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
              This is the only time you will see this key: Parley keeps only a fingerprint of it. Copy it now into your
              system&apos;s secret settings. If you lose it, revoke it and create a new one.
            </p>
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button variant="secondary">I have copied it</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            {formError && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {formError}
              </p>
            )}
            <div>
              <Label htmlFor="api-key-name">Name</Label>
              <Input
                id="api-key-name"
                placeholder="Shop orders"
                aria-invalid={Boolean(errors.name)}
                aria-describedby="api-key-name-error"
                {...form.register("name")}
              />
              <FieldError id="api-key-name-error" message={errors.name?.message} />
            </div>
            <fieldset aria-describedby="api-key-scopes-error">
              <legend className="mb-1 text-sm font-medium text-ink">Scopes</legend>
              <div className="space-y-1.5">
                {API_SCOPES.map((scope) => (
                  <label key={scope} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      value={scope}
                      className="mt-0.5 size-4 accent-brand-600"
                      {...form.register("scopes")}
                    />
                    <span>
                      {SCOPE_LABELS[scope]} <code className="text-xs text-muted">{scope}</code>
                    </span>
                  </label>
                ))}
              </div>
              <FieldError id="api-key-scopes-error" message={errors.scopes?.message ?? errors.scopes?.root?.message} />
            </fieldset>
            <div>
              <Label htmlFor="api-key-expires">Expires on (optional)</Label>
              <Input
                id="api-key-expires"
                type="date"
                min={today()}
                className="w-48"
                aria-invalid={Boolean(errors.expiresOn)}
                aria-describedby="api-key-expires-hint api-key-expires-error"
                {...form.register("expiresOn")}
              />
              <p id="api-key-expires-hint" className="mt-1 text-xs text-muted">
                The key stops working at the end of this day (UTC). Leave it empty for a key that does not expire.
              </p>
              <FieldError id="api-key-expires-error" message={errors.expiresOn?.message} />
            </div>
            <div className="flex justify-end">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Creating…" : "Create key"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

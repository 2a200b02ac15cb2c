"use client";
// A new journey or flow: a name and a starter from a gallery (each an ordinary draft once created), then its
// builder. `namespace` holds name, namePlaceholder, starter, create, creating and starters.<id>.{name,description}.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import type { ActionResult } from "@/lib/actions/action";
import { cn } from "@/lib/utils";

type NewDraft<S extends string> = { name: string; starter: S };

export function StarterGallery<S extends string>({
  namespace,
  starters,
  resolver,
  create,
  href,
}: {
  namespace: "journeys.new" | "flows.new";
  starters: readonly S[];
  /** The form's checks (a lazyZodResolver: zod downloads when the form first validates). */
  resolver: Resolver<NewDraft<S>>;
  create: (values: NewDraft<S>) => Promise<ActionResult<{ id: string }>>;
  /** The builder's address of the new draft. */
  href: (id: string) => string;
}) {
  const t = useTranslations(namespace);
  const router = useRouter();
  const form = useForm<NewDraft<S>>({
    resolver,
    defaultValues: { name: "", starter: starters[0] } as NewDraft<S>,
  });
  const { errors, isSubmitting } = form.formState;
  const chosen = useWatch({ control: form.control, name: "starter" as never }) as S;
  const { onSubmit, outcome } = useActionForm(form, create, { onSuccess: ({ id }) => router.push(href(id)) });
  const say = t as unknown as (key: string) => string;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <Card className="max-w-xl p-5">
        <Label htmlFor="draft-name">{t("name")}</Label>
        <Input
          id="draft-name"
          placeholder={t("namePlaceholder")}
          aria-invalid={Boolean(errors.name)}
          aria-describedby="draft-name-error"
          {...form.register("name" as never)}
        />
        <FieldError id="draft-name-error" message={errors.name?.message as string | undefined} />
      </Card>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-ink">{t("starter")}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {starters.map((id) => (
            <label
              key={id}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border bg-white p-4 shadow-xs focus-within:ring-2 focus-within:ring-brand-600",
                chosen === id ? "border-brand-600" : "border-line",
              )}
            >
              <input
                type="radio"
                value={id}
                className="mt-1 size-4 accent-brand-600"
                {...form.register("starter" as never)}
              />
              <span>
                <span className="block font-medium">{say(`starters.${id}.name`)}</span>
                <span className="mt-1 block text-sm text-muted">{say(`starters.${id}.description`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("creating") : t("create")}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}

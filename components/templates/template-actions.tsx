"use client";
// Around the builder: the template's other language versions, adding a language, duplicating, deleting.
import { Copy, Languages } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { addLanguageAction, deleteTemplateAction, duplicateTemplateAction } from "@/app/(dashboard)/templates/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { LANGUAGES } from "@/lib/templates/languages";
import type { TemplateStatus } from "@/lib/db/generated/enums";
import { DeleteTemplateDialog } from "./delete-template-dialog";
import { useLanguageLabel, useLanguageName } from "./use-language-name";
import { cn } from "@/lib/utils";

type Version = { id: string; language: string; status: TemplateStatus };

export function TemplateActions({ id, versions, submitted }: { id: string; versions: Version[]; submitted: boolean }) {
  const router = useRouter();
  const t = useTranslations("templates");
  const languageName = useLanguageName();
  const languageLabel = useLanguageLabel();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const codes = versions.map((v) => v.language);
  const used = new Set(codes);
  const free = LANGUAGES.filter(([code]) => !used.has(code));
  const [language, setLanguage] = useState(free[0]?.[0] ?? "");

  const run = (
    work: () => Promise<{ ok: true; data?: { id: string } | void } | { ok: false; error: { message: string } }>,
    goTo?: (data: { id: string } | void) => string,
  ) =>
    start(async () => {
      setError(null);
      const result = await work();
      if (!result.ok) return setError(result.error.message);
      if (goTo) router.push(goTo(result.data as { id: string } | void));
      router.refresh();
    });

  return (
    <Card className="flex flex-wrap items-center gap-4 p-4">
      <nav aria-label={t("actions.versions")} className="flex flex-wrap items-center gap-2">
        <Languages className="size-4 text-muted" aria-hidden />
        {versions.map((v) => (
          <Link
            key={v.id}
            href={`/templates/${v.id}`}
            aria-current={v.id === id ? "page" : undefined}
            className={cn(
              "rounded-full border px-2.5 py-0.5 text-xs",
              v.id === id ? "border-brand-600 bg-brand-50 font-medium text-brand-900" : "border-line hover:bg-gray-50",
            )}
          >
            {t("actions.version", {
              language: languageLabel(v.language, codes),
              status: t(`statusInline.${v.status}`),
            })}
          </Link>
        ))}
      </nav>
      {free.length > 0 && (
        <div className="flex items-end gap-2">
          <div>
            <Label htmlFor="add-language" className="sr-only">
              {t("actions.languageToAdd")}
            </Label>
            <ChoiceSelect
              id="add-language"
              value={language}
              onValueChange={setLanguage}
              className="h-8 w-48"
              choices={free.map(([code]) => ({
                value: code,
                label: t("actions.languageOption", { name: languageName(code), code }),
              }))}
            />
          </div>
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => addLanguageAction({ id, language }),
                (d) => `/templates/${(d as { id: string }).id}`,
              )
            }
          >
            {t("actions.addLanguage")}
          </Button>
        </div>
      )}
      <div className="ml-auto flex gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => duplicateTemplateAction({ id }),
              (d) => `/templates/${(d as { id: string }).id}`,
            )
          }
        >
          <Copy className="size-4" aria-hidden /> {t("actions.duplicate")}
        </Button>
        <DeleteTemplateDialog
          submitted={submitted}
          pending={pending}
          onDelete={() =>
            run(
              () => deleteTemplateAction({ id }),
              () => "/templates",
            )
          }
        />
      </div>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </Card>
  );
}

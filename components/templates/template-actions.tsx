"use client";
// Around the builder: the template's other language versions, adding a language, duplicating, deleting.
import { Copy, Languages, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addLanguageAction, deleteTemplateAction, duplicateTemplateAction } from "@/app/(dashboard)/templates/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label, Select } from "@/components/ui/input";
import { LANGUAGES } from "@/lib/templates/languages";
import { cn } from "@/lib/utils";

type Version = { id: string; language: string; status: string };

export function TemplateActions({ id, versions, submitted }: { id: string; versions: Version[]; submitted: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const used = new Set(versions.map((v) => v.language));
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
      <nav aria-label="Language versions" className="flex flex-wrap items-center gap-2">
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
            {v.language} · {v.status.toLowerCase()}
          </Link>
        ))}
      </nav>
      {free.length > 0 && (
        <div className="flex items-end gap-2">
          <div>
            <Label htmlFor="add-language" className="sr-only">
              Language to add
            </Label>
            <Select
              id="add-language"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              className="h-8 w-48"
            >
              {free.map(([code, name]) => (
                <option key={code} value={code}>
                  {name} ({code})
                </option>
              ))}
            </Select>
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
            Add language
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
          <Copy className="size-4" aria-hidden /> Duplicate
        </Button>
        <Dialog>
          <DialogTrigger asChild>
            <Button size="sm" variant="secondary" disabled={pending}>
              <Trash2 className="size-4" aria-hidden /> Delete
            </Button>
          </DialogTrigger>
          <DialogContent
            title="Delete this language version?"
            description={
              submitted
                ? "It is deleted at Meta too. Meta keeps the name blocked for 30 days: a new template cannot use it until then."
                : "This draft was never submitted; it is removed."
            }
          >
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Keep it</Button>
              </DialogClose>
              <Button
                variant="danger"
                disabled={pending}
                onClick={() =>
                  run(
                    () => deleteTemplateAction({ id }),
                    () => "/templates",
                  )
                }
              >
                Delete
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      </div>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </Card>
  );
}

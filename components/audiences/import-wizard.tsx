"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { startImportRunAction } from "@/app/(dashboard)/audiences/contacts/import/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { ChoiceSelect } from "@/components/ui/select";
import { StatusMessage } from "@/components/ui/status-message";
import { Table, Td, Th } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/message-key";
import {
  COLUMN_TARGETS,
  CONSENT_TARGETS,
  IMPORT_STATUS,
  rejectedCount,
  type ColumnTarget,
  type ImportCounts,
  type RejectedRow,
} from "@/lib/imports/model";
import type { ImportMapping } from "@/lib/imports/schemas";
import { fetchJson } from "@/lib/fetch-json";
import { importKeys } from "@/lib/imports/query-keys";
import type { RowProblem } from "@/lib/imports/problems";

/** The mapping's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const importMappingResolver = lazyZodResolver(() => import("@/lib/imports/schemas").then((m) => m.importMappingSchema));

type Run = {
  status: keyof typeof IMPORT_STATUS;
  progress: number;
  counts: ImportCounts | null;
  rejects: RejectedRow[];
  error: string | null;
};
type Props = {
  id: string;
  fileName: string;
  headers: string[];
  sample: string[][];
  initialMapping: ImportMapping;
  initialRun: Run;
  lists: { id: string; name: string }[];
  canEditConsent: boolean;
};

const RUNNING = new Set(["CHECKING", "IMPORTING"]);

/**
 * Why a run failed, in the reader's words: the import keeps a message key (lib/imports/service.ts failImport).
 * Imports that failed before then kept a whole English sentence; its opening is dropped, as the page adds its own.
 */
const failureReason = (t: Parameters<typeof translateMessage>[0], error: string) =>
  translateMessage(t, error.replace(/^The file could not be processed: /, ""));

const fetchRun = (id: string, failed: string) => fetchJson<Run>(`/api/v1/imports/${id}`, failed);

export function ImportWizard({
  id,
  fileName,
  headers,
  sample,
  initialMapping,
  initialRun,
  lists,
  canEditConsent,
}: Props) {
  const t = useTranslations("audiences");
  const tAll = useTranslations();
  const format = useFormat();
  const router = useRouter();
  const form = useForm<ImportMapping>({ resolver: importMappingResolver, defaultValues: initialMapping });
  const columns = useWatch({ control: form.control, name: "columns" });
  const { errors, isSubmitting } = form.formState;
  const run = useQuery({
    queryKey: importKeys.detail(id),
    queryFn: () => fetchRun(id, t("import.wizard.progressFailed")),
    initialData: initialRun,
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? 1000 : false),
  });
  const status = run.data.status;
  const running = RUNNING.has(status);
  const targets = (Object.keys(COLUMN_TARGETS) as ColumnTarget[]).filter(
    (target) => canEditConsent || !CONSENT_TARGETS.includes(target),
  );

  // One form, two buttons: the mode is the button pressed.
  const mode = useRef<"check" | "import">("check");
  const queryClient = useQueryClient();
  const { onSubmit, outcome } = useActionForm(
    form,
    (mapping) => startImportRunAction({ importId: id, mode: mode.current, mapping }),
    {
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: importKeys.detail(id) });
        router.refresh();
      },
    },
  );
  const start = (next: "check" | "import") => {
    mode.current = next;
    void onSubmit();
  };

  return (
    <div className="space-y-6">
      <Card className="p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="font-semibold">{t("import.wizard.mappingTitle", { file: fileName })}</h2>
          <Badge tone={IMPORT_STATUS[status].tone}>{t(`importStatus.${status}`)}</Badge>
        </div>
        <fieldset disabled={running} className="mt-4">
          <legend className="sr-only">{t("import.wizard.mapping")}</legend>
          <Table caption={t("import.wizard.mapping")}>
            <thead>
              <tr>
                <Th>{t("import.wizard.column")}</Th>
                <Th>{t("import.wizard.firstValues")}</Th>
                <Th>{t("import.wizard.importAs")}</Th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, i) => (
                <tr key={`${header}-${i}`}>
                  <Td className="font-medium">{header || t("import.wizard.unnamedColumn", { n: i + 1 })}</Td>
                  <Td className="max-w-xs truncate text-muted">
                    {sample
                      .map((row) => row[i])
                      .filter(Boolean)
                      .slice(0, 3)
                      .join(" · ") || t("import.wizard.emptyColumn")}
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-2">
                      <Label htmlFor={`col-${i}`} className="sr-only">
                        {t("import.wizard.importColumnAs", { column: header || i + 1 })}
                      </Label>
                      <FormSelect
                        id={`col-${i}`}
                        className="w-64"
                        control={form.control}
                        name={`columns.${i}.target`}
                        choices={targets.map((value) => ({ value, label: t(`columnTarget.${value}`) }))}
                      />
                      {columns?.[i]?.target === "attribute" && (
                        <div>
                          <Label htmlFor={`col-${i}-attr`} className="sr-only">
                            {t("import.wizard.attributeFor", { column: header || i + 1 })}
                          </Label>
                          <Input
                            id={`col-${i}-attr`}
                            className="w-40"
                            placeholder={t("import.wizard.attributePlaceholder")}
                            aria-invalid={Boolean(errors.columns?.[i]?.attribute)}
                            aria-describedby={`col-${i}-attr-error`}
                            {...form.register(`columns.${i}.attribute`)}
                          />
                          <FieldError id={`col-${i}-attr-error`} message={errors.columns?.[i]?.attribute?.message} />
                        </div>
                      )}
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <FieldError id="columns-error" message={errors.columns?.message ?? errors.columns?.root?.message} />
          {canEditConsent ? (
            <div className="mt-5 grid grid-cols-1 gap-4 md:grid-cols-2">
              <div>
                <Label htmlFor="consent-list">{t("import.wizard.consentList")}</Label>
                <Controller
                  control={form.control}
                  name="consentListId"
                  render={({ field }) => (
                    <ChoiceSelect
                      id="consent-list"
                      aria-describedby="consent-list-hint consent-list-error"
                      value={field.value ?? ""}
                      onValueChange={(value) => field.onChange(value || undefined)}
                      choices={[
                        { value: "", label: t("import.wizard.noConsentList") },
                        ...lists.map((l) => ({ value: l.id, label: l.name })),
                      ]}
                    />
                  )}
                />
                <p id="consent-list-hint" className="mt-1 text-xs text-muted">
                  {t("import.wizard.consentListHint")}
                </p>
                <FieldError id="consent-list-error" message={errors.consentListId?.message} />
              </div>
              <div>
                <Label htmlFor="proof">{t("import.wizard.proof")}</Label>
                <Input
                  id="proof"
                  placeholder={t("import.wizard.proofPlaceholder")}
                  aria-describedby="proof-error"
                  aria-invalid={Boolean(errors.proof)}
                  {...form.register("proof")}
                />
                <FieldError id="proof-error" message={errors.proof?.message} />
              </div>
            </div>
          ) : (
            <p className="mt-4 text-sm text-muted">{t("import.wizard.adminsOnly")}</p>
          )}
        </fieldset>
        <div className="mt-5 flex flex-wrap items-center gap-3">
          <Button
            type="button"
            variant={status === "CHECKED" ? "secondary" : "primary"}
            disabled={running || isSubmitting}
            onClick={() => start("check")}
          >
            {t("import.wizard.check")}
          </Button>
          {status === "CHECKED" && run.data.counts && (
            <Button type="button" disabled={isSubmitting} onClick={() => start("import")}>
              {t("import.wizard.import", {
                count: run.data.counts.created + run.data.counts.updated,
                total: format.number(run.data.counts.created + run.data.counts.updated),
              })}
            </Button>
          )}
          <StatusMessage outcome={outcome} />
        </div>
      </Card>

      {running && (
        <Card className="p-6" aria-live="polite">
          <ProgressBar
            label={t(status === "CHECKING" ? "import.wizard.checking" : "import.wizard.importing", { file: fileName })}
            value={run.data.progress}
          />
          <p className="mt-2 text-xs text-muted">{t("import.wizard.background")}</p>
        </Card>
      )}

      {status === "FAILED" && run.data.error && (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          {t("errors.import.failed", { reason: failureReason(tAll, run.data.error) })} {t("import.wizard.fixAndCheck")}
        </p>
      )}

      {!running && run.data.counts && (
        <Results id={id} status={status} counts={run.data.counts} rejects={run.data.rejects} />
      )}
    </div>
  );
}

function Results({
  id,
  status,
  counts,
  rejects,
}: {
  id: string;
  status: Run["status"];
  counts: ImportCounts;
  rejects: RejectedRow[];
}) {
  const t = useTranslations("audiences.import.results");
  const format = useFormat();
  const rejected = rejectedCount(counts);
  const done = status === "DONE";
  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="font-semibold">{done ? t("doneTitle") : t("checkedTitle")}</h2>
        <p className="mt-1 text-sm text-muted">
          {t("rowsRead", { count: counts.rows, rows: format.number(counts.rows) })}{" "}
          {done ? (
            <Link href="/audiences/contacts" className="text-brand-700 underline">
              {t("seeContacts")}
            </Link>
          ) : (
            t("nothingWritten")
          )}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label={done ? t("created") : t("willBeCreated")} value={format.number(counts.created)} />
        <Stat label={done ? t("updated") : t("willBeUpdated")} value={format.number(counts.updated)} />
        <Stat label={t("unchanged")} value={format.number(counts.unchanged)} hint={t("unchangedHint")} />
        <Stat label={t("duplicates")} value={format.number(counts.duplicate)} hint={t("duplicatesHint")} />
        <Stat label={t("invalid")} value={format.number(counts.invalid)} />
        <Stat label={t("suppressed")} value={format.number(counts.suppressed)} hint={t("suppressedHint")} />
      </div>
      {counts.consent.optedIn + counts.consent.optedOut + counts.consent.unchanged + counts.consent.keptOptedOut >
        0 && (
        <div className="grid gap-3 sm:grid-cols-4">
          <Stat label={t("optIns")} value={format.number(counts.consent.optedIn)} />
          <Stat label={t("optOuts")} value={format.number(counts.consent.optedOut)} />
          <Stat label={t("consentUnchanged")} value={format.number(counts.consent.unchanged)} />
          <Stat
            label={t("keptOptedOut")}
            value={format.number(counts.consent.keptOptedOut)}
            hint={t("keptOptedOutHint")}
          />
        </div>
      )}
      {rejected > 0 && (
        <div>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-medium">
              {rejected > rejects.length
                ? t("rejectedFirst", { shown: format.number(rejects.length), total: format.number(rejected) })
                : t("rejected")}
            </h3>
            <Button asChild variant="secondary" size="sm">
              <a href={`/api/v1/imports/${id}/rejected`} download>
                <Download className="size-4" aria-hidden /> {t("downloadRejected")}
              </a>
            </Button>
          </div>
          <div
            className="max-h-96 overflow-y-auto rounded-lg"
            tabIndex={0}
            role="region"
            aria-label={t("rejectedScrollable")}
          >
            <Table caption={t("rejected")}>
              <thead>
                <tr>
                  <Th className="w-20">{t("row")}</Th>
                  <Th>{t("reason")}</Th>
                </tr>
              </thead>
              <tbody>
                {rejects.map((r) => (
                  <tr key={r.row}>
                    <Td className="tabular-nums">{r.row}</Td>
                    <Td>{r.problem ? <ProblemText problem={r.problem} /> : r.reason}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </div>
      )}
    </Card>
  );
}

/** Why a row was left out, in the viewer's language. */
function ProblemText({ problem: { code, ...values } }: { problem: RowProblem }) {
  const t = useTranslations("audiences.rowProblem");
  return t(code, values as Record<string, string | number>);
}

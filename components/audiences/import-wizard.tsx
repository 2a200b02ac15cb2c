"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import { startImportRunAction } from "@/app/(dashboard)/audiences/contacts/import/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import {
  COLUMN_TARGETS,
  CONSENT_TARGETS,
  IMPORT_STATUS,
  importMappingSchema,
  rejectedCount,
  type ColumnTarget,
  type ImportCounts,
  type ImportMapping,
  type RejectedRow,
} from "@/lib/imports/schemas";
import { fetchJson } from "@/lib/fetch-json";
import { importKeys } from "@/lib/imports/query-keys";

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

const fetchRun = (id: string) => fetchJson<Run>(`/api/v1/imports/${id}`, "Could not read the import's progress.");

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
  const router = useRouter();
  const form = useForm<ImportMapping>({ resolver: zodResolver(importMappingSchema), defaultValues: initialMapping });
  const columns = useWatch({ control: form.control, name: "columns" });
  const { errors, isSubmitting } = form.formState;
  const run = useQuery({
    queryKey: importKeys.detail(id),
    queryFn: () => fetchRun(id),
    initialData: initialRun,
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? 1000 : false),
  });
  const status = run.data.status;
  const running = RUNNING.has(status);
  const targets = Object.entries(COLUMN_TARGETS).filter(
    ([t]) => canEditConsent || !CONSENT_TARGETS.includes(t as ColumnTarget),
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
          <h2 className="font-semibold">1. What is in each column of {fileName}</h2>
          <Badge tone={IMPORT_STATUS[status].tone}>{IMPORT_STATUS[status].label}</Badge>
        </div>
        <fieldset disabled={running} className="mt-4">
          <legend className="sr-only">Column mapping</legend>
          <Table caption="Column mapping">
            <thead>
              <tr>
                <Th>Column in the file</Th>
                <Th>First values</Th>
                <Th>Import as</Th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, i) => (
                <tr key={`${header}-${i}`}>
                  <Td className="font-medium">{header || `(column ${i + 1}, no name)`}</Td>
                  <Td className="max-w-xs truncate text-muted">
                    {sample
                      .map((row) => row[i])
                      .filter(Boolean)
                      .slice(0, 3)
                      .join(" · ") || "empty"}
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-2">
                      <Label htmlFor={`col-${i}`} className="sr-only">
                        Import column {header || i + 1} as
                      </Label>
                      <Select id={`col-${i}`} className="w-64" {...form.register(`columns.${i}.target`)}>
                        {targets.map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </Select>
                      {columns?.[i]?.target === "attribute" && (
                        <div>
                          <Label htmlFor={`col-${i}-attr`} className="sr-only">
                            Attribute name for column {header || i + 1}
                          </Label>
                          <Input
                            id={`col-${i}-attr`}
                            className="w-40"
                            placeholder="attribute name"
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
            <div className="mt-5 grid gap-4 md:grid-cols-2">
              <div>
                <Label htmlFor="consent-list">Consent list for these contacts (optional)</Label>
                <Select
                  id="consent-list"
                  aria-describedby="consent-list-hint consent-list-error"
                  {...form.register("consentListId", { setValueAs: (v) => v || undefined })}
                >
                  <option value="">None: import contacts without consent</option>
                  {lists.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </Select>
                <p id="consent-list-hint" className="mt-1 text-xs text-muted">
                  Rows opt in to this list unless a column says otherwise or names another list. An import never
                  overrides a later opt-out.
                </p>
                <FieldError id="consent-list-error" message={errors.consentListId?.message} />
              </div>
              <div>
                <Label htmlFor="proof">Wording or proof of consent, for the whole file</Label>
                <Input
                  id="proof"
                  placeholder="Checkout box: “Send me offers on WhatsApp”, 2025 form"
                  aria-describedby="proof-error"
                  aria-invalid={Boolean(errors.proof)}
                  {...form.register("proof")}
                />
                <FieldError id="proof-error" message={errors.proof?.message} />
              </div>
            </div>
          ) : (
            <p className="mt-4 text-sm text-muted">
              Only admins import consent. Contacts you import here can be opted in by an admin later.
            </p>
          )}
        </fieldset>
        <div className="mt-5 flex flex-wrap items-center gap-3">
          <Button
            type="button"
            variant={status === "CHECKED" ? "secondary" : "primary"}
            disabled={running || isSubmitting}
            onClick={() => start("check")}
          >
            2. Check the file (writes nothing)
          </Button>
          {status === "CHECKED" && run.data.counts && (
            <Button type="button" disabled={isSubmitting} onClick={() => start("import")}>
              3. Import {formatNumber(run.data.counts.created + run.data.counts.updated)} new or changed contacts
            </Button>
          )}
          <StatusMessage outcome={outcome} />
        </div>
      </Card>

      {running && (
        <Card className="p-6" aria-live="polite">
          <ProgressBar
            label={`${status === "CHECKING" ? "Checking" : "Importing"} ${fileName}…`}
            value={run.data.progress}
          />
          <p className="mt-2 text-xs text-muted">This runs in the background: you can leave this page and come back.</p>
        </Card>
      )}

      {status === "FAILED" && run.data.error && (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          {run.data.error} Fix the file or the mapping and check it again.
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
  const rejected = rejectedCount(counts);
  const done = status === "DONE";
  return (
    <Card className="space-y-5 p-6">
      <div>
        <h2 className="font-semibold">{done ? "Imported" : "What the import will do"}</h2>
        <p className="mt-1 text-sm text-muted">
          {formatNumber(counts.rows)} rows read.{" "}
          {done ? (
            <Link href="/audiences/contacts" className="text-brand-700 hover:underline">
              See the contacts
            </Link>
          ) : (
            "Nothing has been written yet."
          )}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label={done ? "New" : "Will be new"} value={formatNumber(counts.created)} />
        <Stat label={done ? "Updated" : "Will be updated"} value={formatNumber(counts.updated)} />
        <Stat label="Unchanged" value={formatNumber(counts.unchanged)} hint="Already up to date" />
        <Stat label="Duplicates" value={formatNumber(counts.duplicate)} hint="Same phone as an earlier row" />
        <Stat label="Invalid" value={formatNumber(counts.invalid)} />
        <Stat label="Erased before" value={formatNumber(counts.suppressed)} hint="Kept out at their request" />
      </div>
      {counts.consent.optedIn + counts.consent.optedOut + counts.consent.unchanged + counts.consent.keptOptedOut >
        0 && (
        <div className="grid gap-3 sm:grid-cols-4">
          <Stat label="Opt-ins" value={formatNumber(counts.consent.optedIn)} />
          <Stat label="Opt-outs" value={formatNumber(counts.consent.optedOut)} />
          <Stat label="Consent unchanged" value={formatNumber(counts.consent.unchanged)} />
          <Stat
            label="Kept opted out"
            value={formatNumber(counts.consent.keptOptedOut)}
            hint="Opted out after the consent in the file"
          />
        </div>
      )}
      {rejected > 0 && (
        <div>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-medium">
              Rejected rows{rejected > rejects.length ? ` (first ${rejects.length} of ${formatNumber(rejected)})` : ""}
            </h3>
            <Button asChild variant="secondary" size="sm">
              <a href={`/api/v1/imports/${id}/rejected`} download>
                <Download className="size-4" aria-hidden /> Download all rejected rows (CSV)
              </a>
            </Button>
          </div>
          <div
            className="max-h-96 overflow-y-auto rounded-lg"
            tabIndex={0}
            role="region"
            aria-label="Rejected rows, scrollable"
          >
            <Table caption="Rejected rows">
              <thead>
                <tr>
                  <Th className="w-20">Row</Th>
                  <Th>Reason</Th>
                </tr>
              </thead>
              <tbody>
                {rejects.map((r) => (
                  <tr key={r.row}>
                    <Td className="tabular-nums">{r.row}</Td>
                    <Td>{r.reason}</Td>
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

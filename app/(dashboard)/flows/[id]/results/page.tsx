import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { ChartCard } from "@/components/ui/chart-card";
import { CountChart } from "@/components/ui/chart";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterDateField } from "@/components/ui/date-field";
import { Label } from "@/components/ui/input";
import { FilterSelect } from "@/components/ui/select";
import { LocalTime } from "@/components/ui/local-time";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { APPOINTMENT_FORMAT } from "@/lib/flows/booking-flow";
import { flowResponses, flowResults, readableAnswer, resultFilters, resultsQuerySchema } from "@/lib/flows/queries";
import { getFormat } from "@/lib/i18n/format";
import { orNotFound, pageId } from "@/lib/not-found";
import { firstValues, type RawSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flows.results");
  return { title: t("metaTitle") };
}

export default async function FlowResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const user = await guardPage("campaigns.view");
  const id = pageId((await params).id);
  const query = resultsQuerySchema.parse(firstValues(await searchParams));
  const filters = resultFilters(query);
  const results = await orNotFound(flowResults(user.workspaceId, id, filters));
  const page = await flowResponses(user.workspaceId, id, filters, { beforeId: query.before });
  const [t, format] = await Promise.all([getTranslations("flows"), getFormat()]);
  const yesNo: [string, string] = [t("results.yes"), t("results.no")];
  const formatter = await getFormatter();
  // A booked time on the business's clock, in the reader's language.
  const when = (at: Date) => formatter.dateTime(at, { ...APPOINTMENT_FORMAT, timeZone: results.timeZone });
  const filtered = Boolean(query.from || query.to || query.campaign || query.answer);
  const search = new URLSearchParams(
    Object.entries({ from: query.from, to: query.to, campaign: query.campaign, answer: query.answer }).flatMap(
      ([k, v]) => (v ? [[k, v]] : []),
    ),
  );
  const csvHref = `/api/v1/flows/${id}/responses?${search}`;
  const nps = results.charts.find((c) => c.nps !== null)?.nps ?? null;
  const { flow, questions, totals } = results;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/flows/${id}`} className="text-brand-700 hover:underline">
          ← {t("results.back")}
        </Link>
      </p>
      <PageHeader
        title={t("results.title", { name: flow.name })}
        description={t("results.description")}
        actions={
          <a href={csvHref} download className="text-sm font-medium text-brand-700 underline">
            {t("results.export")}
          </a>
        }
      />
      <RefreshWhile active={flow.status === "PUBLISHED" && !query.before} />
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Stat label={t("results.answers")} value={format.number(totals.total)} />
        <Stat label={t("results.people")} value={format.number(totals.contacts)} />
        {nps !== null && <Stat label={t("results.nps")} value={format.number(nps)} hint={t("results.npsHint")} />}
      </div>
      <FilterForm label={t("results.filter")} clearHref={`/flows/${id}/results`} filtered={filtered}>
        <div>
          <Label htmlFor="from">{t("results.from")}</Label>
          <FilterDateField id="from" name="from" label={t("results.from")} defaultValue={query.from ?? ""} optional />
        </div>
        <div>
          <Label htmlFor="to">{t("results.to")}</Label>
          <FilterDateField id="to" name="to" label={t("results.to")} defaultValue={query.to ?? ""} optional />
        </div>
        {results.campaigns.length > 0 && (
          <div>
            <Label htmlFor="campaign">{t("results.campaign")}</Label>
            <FilterSelect
              id="campaign"
              name="campaign"
              className="w-48"
              defaultValue={query.campaign ?? ""}
              choices={[
                { value: "", label: t("results.any") },
                ...results.campaigns.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          </div>
        )}
        {results.charts.length > 0 && (
          <div>
            <Label htmlFor="answer">{t("results.answer")}</Label>
            <FilterSelect
              id="answer"
              name="answer"
              className="w-48"
              defaultValue={query.answer ?? ""}
              choices={[
                { value: "", label: t("results.any") },
                // Each question's answers under it, as an <optgroup> would list them.
                ...results.charts.flatMap((c) =>
                  c.rows.map((r) => ({
                    value: `${c.question.name}=${r.id}`,
                    label: readableAnswer(c.question, c.question.type === "OptIn" ? r.id === "true" : r.id, yesNo),
                    group: c.question.label,
                  })),
                ),
              ]}
            />
          </div>
        )}
      </FilterForm>
      {results.charts.length > 0 && (
        <div className="mb-4 grid gap-4 lg:grid-cols-2">
          {results.charts.map((c) => {
            const rows = c.rows.map((r) => ({
              name: readableAnswer(c.question, c.question.type === "OptIn" ? r.id === "true" : r.id, yesNo),
              count: r.count,
            }));
            return (
              <ChartCard
                key={c.question.name}
                title={c.question.label}
                description={c.nps !== null ? t("results.npsOf", { nps: c.nps }) : undefined}
                chart={<CountChart data={rows} label={t("results.chartLabel", { question: c.question.label })} />}
                table={
                  <Table caption={c.question.label}>
                    <thead>
                      <tr>
                        <Th>{t("results.option")}</Th>
                        <Th className="text-right">{t("results.answers")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.name}>
                          <Td>{r.name}</Td>
                          <Td className="text-right tabular-nums">{format.number(r.count)}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                }
              />
            );
          })}
        </div>
      )}
      <Card>
        <Table caption={t("results.tableCaption")}>
          <thead>
            <tr>
              <Th>{t("results.completed")}</Th>
              <Th>{t("results.contact")}</Th>
              <Th>{t("results.campaign")}</Th>
              {questions.map((q) => (
                <Th key={q.name}>{q.label}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 && (
              <EmptyRow columns={3 + questions.length}>
                {filtered ? t("results.noneFiltered") : t("results.none")}
              </EmptyRow>
            )}
            {page.rows.map((r) => (
              <tr key={r.id}>
                <Td className="text-sm whitespace-nowrap">
                  <LocalTime value={r.completedAt} />
                </Td>
                <Td className="text-sm">
                  <Link href={`/audiences/contacts/${r.contactId}`} className="text-brand-700 hover:underline">
                    {r.name ?? r.phone ?? t("results.someone")}
                  </Link>
                </Td>
                <Td className="text-sm">{r.campaign ?? "—"}</Td>
                {questions.map((q) => (
                  <Td key={q.name} className="text-sm">
                    {readableAnswer(q, r.answers[q.name], yesNo, when) || "—"}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {page.more && (
        <p className="mt-3 text-sm">
          <Link
            href={`/flows/${id}/results?${new URLSearchParams([...search, ["before", page.rows.at(-1)!.id]])}`}
            className="text-brand-700 hover:underline"
          >
            {t("results.older")}
          </Link>
        </p>
      )}
    </>
  );
}

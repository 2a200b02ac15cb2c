import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { JourneyStatusBadge } from "@/components/journeys/journey-status";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";
import { getJourney, journeyReport, stepPeople } from "@/lib/journeys/queries";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("journeys.report");
  return { title: t("metaTitle") };
}

const STEP_ID = /^[a-z0-9_-]{1,40}$/;
const OUTCOMES = [
  "sent",
  "skipped",
  "yes",
  "no",
  "arrived",
  "timeout",
  "waited",
  "updated",
  "handed_off",
  "exit",
] as const;

export default async function JourneyReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ step?: string; outcome?: string }>;
}) {
  const user = await guardPage("campaigns.view");
  const id = pageId((await params).id);
  const { step, outcome } = await searchParams;
  const journey = await orNotFound(getJourney(user.workspaceId, id));
  const drill =
    typeof step === "string" && STEP_ID.test(step)
      ? { step, outcome: typeof outcome === "string" ? outcome.slice(0, 80) : null }
      : null;
  const [t, k, format, report, people] = await Promise.all([
    getTranslations("journeys.report"),
    getTranslations("journeys.kinds"),
    getFormat(),
    journeyReport(user.workspaceId, id),
    drill ? stepPeople(user.workspaceId, id, drill.step, drill.outcome) : null,
  ]);
  const steps = journey.draft.steps;
  const link = (stepId: string, o: string | null) =>
    `/journeys/${id}/report?step=${encodeURIComponent(stepId)}${o === null ? "" : `&outcome=${encodeURIComponent(o)}`}`;
  const { totals } = report;
  /** "sent", "skipped:consent_opted_out" → "Sent", "Skipped (opted out)"; a split path by its name. */
  const outcomeLabel = (o: string) => {
    const [kind, reason] = o.split(":") as [string, string | undefined];
    const known = (OUTCOMES as readonly string[]).includes(kind)
      ? t(`outcome.${kind as (typeof OUTCOMES)[number]}`)
      : kind;
    if (!reason) return known;
    const key = `skipReason.${reason}` as "skipReason.consent_opted_out";
    return `${known} (${t.has(key) ? t(key) : reason})`;
  };
  return (
    <>
      <RefreshWhile active={journey.status === "LIVE"} />
      <p className="mb-2 text-sm">
        <Link href={`/journeys/${id}`} className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={t("title", { name: journey.name })} actions={<JourneyStatusBadge status={journey.status} />} />
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label={t("entered")} value={format.number(totals.entered)} />
        <Stat label={t("inside")} value={format.number(totals.active)} />
        <Stat label={t("completed")} value={format.number(totals.completed)} />
        <Stat label={t("exited")} value={format.number(totals.exited)} />
        <Stat
          label={t("converted")}
          value={format.number(totals.converted)}
          hint={t("rate", { rate: format.percent(totals.conversionRate, 1) })}
        />
        <Stat
          label={t("timeToGoal")}
          value={totals.medianSeconds === null ? "—" : format.duration(totals.medianSeconds)}
        />
      </div>
      <Card className="mb-4">
        <Table caption={t("stepsCaption")}>
          <thead>
            <tr>
              <Th>{t("step")}</Th>
              <Th className="text-right">{t("waiting")}</Th>
              <Th className="text-right">{t("passed")}</Th>
              <Th>{t("outcomes")}</Th>
              <Th>{t("messages")}</Th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => {
              const r = report.steps[s.id];
              return (
                <tr key={s.id}>
                  <Td>
                    <span className="font-medium">{k(s.kind)}</span>
                    <p className="text-xs text-muted">{s.label || s.id}</p>
                  </Td>
                  <Td className="text-right tabular-nums">
                    {r?.waiting ? (
                      <Link className="text-brand-700 hover:underline" href={link(s.id, null)}>
                        {format.number(r.waiting)}
                      </Link>
                    ) : (
                      0
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{format.number(r?.passed ?? 0)}</Td>
                  <Td>
                    <ul className="flex flex-wrap gap-x-3 text-sm">
                      {Object.entries(r?.outcomes ?? {}).map(([o, n]) => (
                        <li key={o}>
                          <Link
                            className="text-brand-700 hover:underline"
                            href={link(s.id, o)}
                            data-testid={`outcome-${s.id}-${o}`}
                          >
                            {outcomeLabel(o)}: {format.number(n)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="text-sm">
                    {r?.messages
                      ? t("messageLine", {
                          sent: format.number(r.messages.sent),
                          delivered: format.number(r.messages.delivered),
                          read: format.number(r.messages.read),
                          replied: format.number(r.messages.replied),
                          failed: format.number(r.messages.failed),
                        })
                      : "—"}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
      {report.variants.length > 0 && (
        <Card className="mb-4">
          <Table caption={t("variantsCaption")}>
            <thead>
              <tr>
                <Th>{t("path")}</Th>
                <Th className="text-right">{t("entered")}</Th>
                <Th className="text-right">{t("converted")}</Th>
                <Th className="text-right">{t("conversion")}</Th>
                <Th>{t("difference")}</Th>
              </tr>
            </thead>
            <tbody>
              {report.variants.map((v) => (
                <tr key={v.variant}>
                  <Td>{v.variant}</Td>
                  <Td className="text-right tabular-nums">{format.number(v.entered)}</Td>
                  <Td className="text-right tabular-nums">{format.number(v.converted)}</Td>
                  <Td className="text-right tabular-nums">{format.percent(v.rate, 1)}</Td>
                  <Td className="text-sm">
                    {v.significant === null
                      ? t("baseline")
                      : !v.significant.enough
                        ? t("notEnough")
                        : v.significant.significant
                          ? t("significant")
                          : t("notSignificant")}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {drill && people && (
        <Card>
          <div className="flex items-center justify-between p-4">
            <h2 className="text-sm font-semibold">
              {drill.outcome === null
                ? t("peopleWaiting", { step: drill.step })
                : t("peopleOutcome", { step: drill.step, outcome: drill.outcome })}
            </h2>
            <a
              className="text-sm font-medium text-brand-700 hover:underline"
              href={`/api/v1/journeys/${id}/people?step=${encodeURIComponent(drill.step)}${drill.outcome === null ? "" : `&outcome=${encodeURIComponent(drill.outcome)}`}`}
            >
              {t("csv")}
            </a>
          </div>
          {people.length === 0 ? (
            <p className="px-4 pb-4 text-sm text-muted">{t("nobody")}</p>
          ) : (
            <Table caption={t("peopleCaption")}>
              <thead>
                <tr>
                  <Th>{t("contact")}</Th>
                  <Th>{t("phone")}</Th>
                  <Th>{t("at")}</Th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={`${p.contactId}-${p.at.toISOString()}`}>
                    <Td>
                      <Link className="text-brand-700 hover:underline" href={`/audiences/contacts/${p.contactId}`}>
                        {p.name ?? p.contactId}
                      </Link>
                    </Td>
                    <Td>{p.phone ?? "—"}</Td>
                    <Td>
                      <LocalTime value={p.at} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      )}
    </>
  );
}

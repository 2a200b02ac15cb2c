import { AlertTriangle, Ban, CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Finding, Preflight } from "@/lib/campaigns/plan";
import { useFormat } from "@/lib/i18n/format";
import { SkipTable } from "./skip-table";
import { useSlotLabel } from "./use-slot-label";
import { LanguageName } from "@/components/templates/language-name";
import { useLanguageName } from "@/components/templates/use-language-name";

/** The pre-flight report: who gets it, who is skipped and why, what it costs, and what blocks the launch. */
export function PreflightReport({ report, kept }: { report: Preflight; kept: boolean }) {
  const t = useTranslations("campaigns");
  const format = useFormat();
  const slotLabel = useSlotLabel();
  const languageName = useLanguageName();
  const skipped = report.targeted - report.willSend;
  const money = (value: number) => format.money(value, report.cost.currency);
  const slotNamed = (key: unknown) => {
    const variable = report.variables.find((v) => v.slot === key);
    return variable ? slotLabel(variable) : String(key);
  };
  const has = (key: string) => t.has(key as "preflight.title");
  const words = (group: string, key: unknown) =>
    has(`${group}.${String(key)}`) ? t(`${group}.${String(key)}` as "preflight.title") : String(key);

  /** A finding in words; a report stored before findings had codes keeps its sentence. */
  const say = (kind: "blocker" | "warning", finding: Finding | string) => {
    if (typeof finding === "string") return finding;
    const v = finding.values ?? {};
    const key = `preflight.${kind}.${finding.code}`;
    if (!has(key)) return t("preflight.blocker.unknown");
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(v))
      values[name] = typeof value === "number" ? format.number(value) : value;
    if ("status" in v) values.status = words("versionStatus", v.status);
    if (typeof v.language === "string") values.language = languageName(v.language);
    if (typeof v.fallback === "string") values.fallback = languageName(v.fallback);
    if ("slot" in v) values.slot = slotNamed(v.slot);
    if ("listCategory" in v) values.listPurpose = words("purpose", v.listCategory);
    if ("templateCategory" in v) values.templatePurpose = words("purpose", v.templateCategory);
    if ("category" in v) values.category = words("category", v.category);
    if ("at" in v) values.at = v.at ? format.dateTime(new Date(String(v.at))) : "none";
    return t(key as "preflight.title", values);
  };

  return (
    <section aria-labelledby="preflight-title" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="preflight-title" className="text-lg font-semibold">
          {t("preflight.title")}
        </h2>
        <p className="text-xs text-muted">
          {t(kept ? "preflight.kept" : "preflight.fresh", { time: format.dateTime(report.computedAt) })}
        </p>
      </div>

      {report.blockers.length > 0 ? (
        <Card className="border-red-200 bg-red-50 p-4" role="alert">
          <p className="flex items-center gap-2 font-medium text-red-800">
            <Ban className="size-4" aria-hidden /> {t("preflight.blocked")}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm text-red-800">
            {report.blockers.map((b, i) => (
              <li key={i}>{say("blocker", b)}</li>
            ))}
          </ul>
        </Card>
      ) : (
        <p className="flex items-center gap-2 text-sm font-medium text-brand-800">
          <CheckCircle2 className="size-4" aria-hidden /> {t("preflight.ready")}
        </p>
      )}
      {report.warnings.length > 0 && (
        <Card className="border-amber-200 bg-amber-50 p-4">
          <ul className="space-y-1 text-sm text-amber-900">
            {report.warnings.map((w, i) => (
              <li key={i} className="flex gap-2">
                <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {say("warning", w)}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          [t("preflight.targeted"), format.number(report.targeted)],
          [t("preflight.willSend"), format.number(report.willSend)],
          [t("preflight.skipped"), format.number(skipped)],
          [t("preflight.cost"), money(report.cost.total)],
        ].map(([label, value]) => (
          // A <div> group, not a Card (<section>): a <dl> may hold only <div>s around its <dt> and <dd>.
          <div key={label} className="rounded-lg border border-line bg-white p-4 shadow-xs">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <SkipTable caption={t("preflight.skippedCaption")} rows={report.skipped} empty={t("preflight.nobodySkipped")} />
        <Card>
          <Table caption={t("preflight.costCaption", { category: words("category", report.cost.category) })}>
            <thead>
              <tr>
                <Th>{t("preflight.market")}</Th>
                <Th className="text-right">{t("preflight.recipients")}</Th>
                <Th className="text-right">{t("preflight.each")}</Th>
                <Th className="text-right">{t("preflight.costColumn")}</Th>
              </tr>
            </thead>
            <tbody>
              {report.cost.lines.map((l) => (
                <tr key={l.market}>
                  <Td>{words("market", l.market.replaceAll(" ", ""))}</Td>
                  <Td className="text-right tabular-nums">{format.number(l.recipients)}</Td>
                  <Td className="text-right tabular-nums">{money(l.unitPrice)}</Td>
                  <Td className="text-right tabular-nums">{money(l.cost)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <Table caption={t("preflight.versionsCaption")}>
            <thead>
              <tr>
                <Th>{t("preflight.versionOf", { name: report.template.name })}</Th>
                <Th>{t("preflight.status")}</Th>
                <Th className="text-right">{t("preflight.recipients")}</Th>
              </tr>
            </thead>
            <tbody>
              {report.template.versions.map((v, _, versions) => (
                <tr key={v.language}>
                  <Td>
                    <LanguageName code={v.language} among={versions.map((w) => w.language)} />
                  </Td>
                  <Td>{words("versionStatus", v.status)}</Td>
                  <Td className="text-right tabular-nums">
                    {format.number(report.languages.find((l) => l.language === v.language)?.count ?? 0)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <Table caption={t("preflight.variablesCaption")}>
            <thead>
              <tr>
                <Th>{t("preflight.variable")}</Th>
                <Th>{t("preflight.filled")}</Th>
              </tr>
            </thead>
            <tbody>
              {report.variables.length === 0 ? (
                <EmptyRow columns={2}>{t("preflight.noVariables")}</EmptyRow>
              ) : (
                report.variables.map((v) => (
                  <tr key={v.slot}>
                    <Td>{slotLabel(v)}</Td>
                    <Td>
                      {!v.mapped
                        ? v.optional
                          ? t("preflight.buttonText")
                          : t("preflight.notMapped")
                        : v.emptyFor
                          ? t("preflight.emptyFor", { count: format.number(v.emptyFor) })
                          : t("preflight.everyone")}
                    </Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Card>
      </div>
      <p className="text-xs text-muted">
        {report.tier &&
          `${t("preflight.tier", {
            limit: format.number(report.tier.limit),
            reached: format.number(report.tier.reached),
          })} `}
        {report.sendRate &&
          `${t("preflight.rate", {
            rate: format.number(report.sendRate),
            duration: format.duration(report.willSend / report.sendRate),
          })} `}
        {t("preflight.prices")}
      </p>
    </section>
  );
}

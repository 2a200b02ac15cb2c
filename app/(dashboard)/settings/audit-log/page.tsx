import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { describeAudit } from "@/lib/audit/describe";
import { listAuditLog } from "@/lib/audit/service";
import { auditSentence, type AuditWords } from "@/lib/audit/words";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.auditLog");
  return { title: t("title") };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await guardPage("audit.view");
  const { before } = await searchParams;
  const cursor = before && /^\d+$/.test(before) ? BigInt(before) : undefined;
  const { entries, nextCursor } = await listAuditLog(user.workspaceId, cursor);
  const [t, format] = await Promise.all([getTranslations("settings"), getFormat()]);
  const words: AuditWords = {
    sentence: (key, values) => t(`auditLog.actions.${key}`, values),
    role: (role) => t(`users.roles.${role}`),
    day: format.day,
    someone: t("auditLog.someone"),
  };
  return (
    <>
      <PageHeader title={t("auditLog.title")} description={t("auditLog.description")} />
      <Table caption={t("auditLog.title")}>
        <thead>
          <tr>
            <Th>{t("auditLog.when")}</Th>
            <Th>{t("auditLog.who")}</Th>
            <Th>{t("auditLog.what")}</Th>
            <Th>{t("auditLog.event")}</Th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && <EmptyRow columns={4}>{t("auditLog.empty")}</EmptyRow>}
          {entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="whitespace-nowrap">
                <LocalTime value={entry.createdAt} />
              </Td>
              <Td>
                {entry.actor
                  ? t("auditLog.actor", { name: entry.actor.name, email: entry.actor.email })
                  : t("auditLog.system")}
              </Td>
              <Td>{auditSentence(describeAudit(entry.action, entry.details as Record<string, unknown>), words)}</Td>
              <Td className="font-mono text-xs text-muted">{entry.action}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {nextCursor && (
        <nav aria-label={t("auditLog.pages")} className="mt-4 flex justify-end text-sm">
          <Link className="font-medium text-brand-700 underline" href={`/settings/audit-log?before=${nextCursor}`}>
            {t("auditLog.older")}
          </Link>
        </nav>
      )}
    </>
  );
}

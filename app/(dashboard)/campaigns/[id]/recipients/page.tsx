import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RetargetButton } from "@/components/campaigns/retarget-button";
import { buttonVariants } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { isSkipReason } from "@/lib/campaigns/audience";
import { drillDownSchema, listRecipients, STAGES, type Stage } from "@/lib/campaigns/recipients";
import { contactHandle } from "@/lib/contacts/identity";
import { getFormat } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/message-key";
import { orNotFound, pageId } from "@/lib/not-found";
import { notFound } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns.recipients");
  return { title: t("metaTitle") };
}

export default async function RecipientsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await guardPage("campaigns.view");
  const id = pageId((await params).id);
  const parsed = drillDownSchema.safeParse(await searchParams);
  if (!parsed.success) notFound(); // a stage or reason no link of ours makes
  const drill = parsed.data;
  const { stage, reason, after } = drill;
  const [page, t, message, format] = await Promise.all([
    orNotFound(listRecipients(user.workspaceId, id, drill)),
    getTranslations("campaigns"),
    getTranslations(), // a failure's "why" is a message key (lib/i18n/message-key.ts)
    getFormat(),
  ]);
  // What the list is of, in words ("Failed: error 131026").
  const label = !reason
    ? t(`stage.${stage}`)
    : stage === "skipped"
      ? t("recipients.skippedReason", {
          stage: t("stage.skipped"),
          reason: isSkipReason(reason) ? t(`skipReason.${reason}`) : reason,
        })
      : t("recipients.failedReason", { stage: t(`stage.${stage}`), code: reason });
  const query = `stage=${stage}${reason ? `&reason=${encodeURIComponent(reason)}` : ""}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/campaigns/${id}`} className="text-brand-700 hover:underline">
          ← {page.campaign.name}
        </Link>
      </p>
      <PageHeader
        title={t("recipients.title", { label, total: format.number(page.total) })}
        description={t("recipients.description")}
        actions={
          <>
            <a
              href={`/api/v1/campaigns/${id}/recipients?${query}`}
              className={buttonVariants({ variant: "secondary" })}
            >
              <Download className="size-4" aria-hidden /> {t("recipients.export")}
            </a>
            {STAGES[stage].rules && !reason && can(user.role, "contacts.edit") && (
              <RetargetButton id={id} stage={stage} />
            )}
          </>
        }
      />
      <nav aria-label={t("recipients.stages")} className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(STAGES) as Stage[]).map((s) => (
          <Link
            key={s}
            href={`/campaigns/${id}/recipients?stage=${s}`}
            aria-current={s === stage && !reason ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${s === stage && !reason ? "border-brand-600 bg-brand-50 text-brand-900" : "border-line bg-white"}`}
          >
            {t(`stage.${s}`)}
          </Link>
        ))}
      </nav>
      <Card>
        <Table caption={t("recipients.caption", { label })}>
          <thead>
            <tr>
              <Th>{t("recipients.contact")}</Th>
              <Th>{t("recipients.state")}</Th>
              <Th>{t("recipients.sent")}</Th>
              <Th>{t("recipients.read")}</Th>
              <Th>{t("recipients.why")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? (
              <EmptyRow columns={5}>{t("recipients.empty")}</EmptyRow>
            ) : (
              page.rows.map((m) => (
                <tr key={m.id}>
                  <Td>
                    <Link
                      href={`/audiences/contacts/${m.contact.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {m.contact.name ?? contactHandle(m.contact)}
                    </Link>
                    <p className="text-xs text-muted">{contactHandle(m.contact)}</p>
                  </Td>
                  <Td>{t(`messageState.${m.state}`)}</Td>
                  <Td>{m.sentAt ? <LocalTime value={m.sentAt} /> : "—"}</Td>
                  <Td>{m.readAt ? <LocalTime value={m.readAt} /> : "—"}</Td>
                  <Td className="max-w-md">
                    {m.clickedButton ??
                      (m.linkButton !== null
                        ? m.linkCard !== null
                          ? t("recipients.openedCardLink", { number: m.linkButton + 1, card: m.linkCard + 1 })
                          : t("recipients.openedLink", { number: m.linkButton + 1 })
                        : m.skipReason && isSkipReason(m.skipReason)
                          ? t(`skipReason.${m.skipReason}`)
                          : translateMessage(message, m.why))}
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </Card>
      <p className="mt-4 flex gap-4 text-sm">
        {after && (
          <Link href={`/campaigns/${id}/recipients?${query}`} className="text-brand-700 underline">
            {t("recipients.firstPage")}
          </Link>
        )}
        {page.next && (
          <Link href={`/campaigns/${id}/recipients?${query}&after=${page.next}`} className="text-brand-700 underline">
            {t("recipients.next", { count: 50 })}
          </Link>
        )}
      </p>
    </>
  );
}

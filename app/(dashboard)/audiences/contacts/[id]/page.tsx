import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrivacyActions } from "@/components/audiences/privacy-actions";
import { RecordConsentForm } from "@/components/audiences/record-consent-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { APPOINTMENT_FORMAT } from "@/lib/flows/booking-flow";
import { contactFlowResponses, readableAnswer } from "@/lib/flows/queries";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listConsentLists } from "@/lib/consent/queries";
import { getContactDetail } from "@/lib/contacts/queries";
import { replyText } from "@/lib/whatsapp/inbound";
import type { InboundMessageEvent } from "@/lib/whatsapp/schemas";
import { orNotFound, pageId } from "@/lib/not-found";
import { contactHandle } from "@/lib/contacts/identity";
import { translateMessage } from "@/lib/i18n/message-key";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audiences.contact");
  return { title: t("title") };
}

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("audiences.view");
  const t = await getTranslations("audiences");
  const message = await getTranslations(); // a message's error reason is a message key (lib/i18n/message-key.ts)
  const contact = await orNotFound(getContactDetail(user.workspaceId, pageId((await params).id)));
  const admin = can(user.role, "consent.edit");
  const lists = admin ? await listConsentLists(user.workspaceId) : [];
  const attributes = Object.entries((contact.attributes ?? {}) as Record<string, unknown>);
  const { rows: flowAnswers, timeZone } = await contactFlowResponses(user.workspaceId, contact.id);
  const yesNo: [string, string] = [t("contact.flows.yes"), t("contact.flows.no")];
  const formatter = await getFormatter();
  // A booked time on the business's clock, in the reader's language.
  const when = (at: Date) => formatter.dateTime(at, { ...APPOINTMENT_FORMAT, timeZone });
  return (
    <>
      <PageHeader
        title={contact.name ?? contactHandle(contact)}
        description={t("contact.description", {
          phone: contactHandle(contact),
          locale: contact.locale ?? t("contact.noLocale"),
          timeZone: contact.timeZone ?? t("contact.noTimeZone"),
        })}
      />
      <div className="-mt-4 mb-6 flex flex-wrap items-center justify-between gap-4 text-sm">
        <Link href="/audiences/contacts" className="text-brand-700 underline">
          {t("contact.allContacts")}
        </Link>
        {admin && <PrivacyActions contactId={contact.id} label={contact.name ?? contactHandle(contact)} />}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="font-semibold">{t("contact.details")}</h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div className="flex justify-between gap-4">
              <dt className="text-muted">{t("contact.phone")}</dt>
              <dd className="font-medium tabular-nums">{contact.phone ?? t("contact.phoneNotShared")}</dd>
            </div>
            {contact.username && (
              <div className="flex justify-between gap-4">
                <dt className="text-muted">{t("contact.username")}</dt>
                <dd className="font-medium">@{contact.username}</dd>
              </div>
            )}
            {contact.bsuid && (
              <div className="flex justify-between gap-4">
                <dt className="text-muted">{t("contact.bsuid")}</dt>
                <dd className="break-all font-mono text-xs">{contact.bsuid}</dd>
              </div>
            )}
            {attributes.map(([key, value]) => (
              <div key={key} className="flex justify-between gap-4">
                <dt className="text-muted">{key}</dt>
                <dd className="font-medium">{String(value)}</dd>
              </div>
            ))}
            <div className="flex justify-between gap-4">
              <dt className="text-muted">{t("contact.tags")}</dt>
              <dd>{contact.tags.length ? contact.tags.map((t) => <Badge key={t}>{t}</Badge>) : "—"}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted">WhatsApp</dt>
              <dd>
                {contact.unreachable ? (
                  <Badge tone="red">{t("contact.unreachable")}</Badge>
                ) : (
                  <Badge tone="green">{t("contact.reachable")}</Badge>
                )}
              </dd>
            </div>
          </dl>
        </Card>
        <Card className="p-5 lg:col-span-2">
          <h2 className="font-semibold">{t("contact.consentNow")}</h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {contact.consents.length === 0 && <li className="text-sm text-muted">{t("contact.noConsent")}</li>}
            {contact.consents.map((c) => (
              <li key={c.consentList.id}>
                <Badge tone={c.optedIn ? "green" : "red"}>
                  {/* one inline run: the badge lays out its children as flex items, which drops the space before the date */}
                  <span>
                    {t.rich(c.optedIn ? "contact.optedInSince" : "contact.optedOutSince", {
                      list: c.consentList.name,
                      date: () => <LocalTime value={c.changedAt} dateOnly />,
                    })}
                  </span>
                </Badge>
              </li>
            ))}
          </ul>
          {admin && lists.length > 0 && (
            <div className="mt-6 border-t border-line pt-5">
              <h3 className="mb-3 text-sm font-semibold">{t("contact.recordChange")}</h3>
              <RecordConsentForm contactId={contact.id} lists={lists.map((l) => ({ id: l.id, name: l.name }))} />
            </div>
          )}
        </Card>
      </div>

      <h2 className="mt-8 mb-3 font-semibold">{t("contact.history.title")}</h2>
      <Table caption={t("contact.history.title")}>
        <thead>
          <tr>
            <Th>{t("contact.history.when")}</Th>
            <Th>{t("contact.history.change")}</Th>
            <Th>{t("contact.history.list")}</Th>
            <Th>{t("contact.history.source")}</Th>
            <Th>{t("contact.history.proof")}</Th>
            <Th>{t("contact.history.by")}</Th>
          </tr>
        </thead>
        <tbody>
          {contact.consentEvents.map((e) => (
            <tr key={e.id}>
              <Td className="whitespace-nowrap">
                <LocalTime value={e.occurredAt} />
              </Td>
              <Td>
                {e.action === "OPT_IN" ? (
                  <Badge tone="green">{t("consent.optedIn")}</Badge>
                ) : (
                  <Badge tone="red">{t("consent.optedOut")}</Badge>
                )}
              </Td>
              <Td>{e.list ?? t("contact.history.allMarketingLists")}</Td>
              <Td className="text-xs">{t(`consentSource.${e.source}`)}</Td>
              <Td className="max-w-md text-xs">{e.proof ?? "—"}</Td>
              <Td className="text-xs">{e.actor ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="sent-heading">
          <h2 id="sent-heading" className="mb-3 font-semibold">
            {t("contact.sent.title")}
          </h2>
          <Table caption={t("contact.sent.title")}>
            <thead>
              <tr>
                <Th>{t("contact.sent.message")}</Th>
                <Th>{t("contact.sent.state")}</Th>
                <Th>{t("contact.sent.sentAt")}</Th>
              </tr>
            </thead>
            <tbody>
              {contact.messages.length === 0 && <EmptyRow columns={3}>{t("contact.sent.empty")}</EmptyRow>}
              {contact.messages.map((m) => (
                <tr key={m.id}>
                  <Td>
                    {m.campaign?.name ?? (
                      <>
                        {m.template?.name ?? t("contact.sent.sessionMessage")}{" "}
                        <span className="text-xs text-muted">{t("contact.sent.transactional")}</span>
                      </>
                    )}
                  </Td>
                  <Td>
                    {t(`messageState.${m.state}`)}
                    {m.errorReason && (
                      <p className="text-xs text-red-700">{translateMessage(message, m.errorReason)}</p>
                    )}
                  </Td>
                  <Td>{m.sentAt ? <LocalTime value={m.sentAt} /> : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
        <section aria-labelledby="received-heading">
          <h2 id="received-heading" className="mb-3 font-semibold">
            {t("contact.received.title")}
          </h2>
          <Table caption={t("contact.received.title")}>
            <thead>
              <tr>
                <Th>{t("contact.received.when")}</Th>
                <Th>{t("contact.received.message")}</Th>
              </tr>
            </thead>
            <tbody>
              {contact.inbound.length === 0 && <EmptyRow columns={2}>{t("contact.received.empty")}</EmptyRow>}
              {contact.inbound.map((m) => (
                <tr key={m.id}>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={m.receivedAt} />
                  </Td>
                  <Td>
                    {replyText(m.payload as InboundMessageEvent) ?? t("contact.received.ofType", { type: m.type })}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      </div>

      <section aria-labelledby="flows-heading" className="mt-8">
        <h2 id="flows-heading" className="mb-3 font-semibold">
          {t("contact.flows.title")}
        </h2>
        <Table caption={t("contact.flows.title")}>
          <thead>
            <tr>
              <Th>{t("contact.flows.when")}</Th>
              <Th>{t("contact.flows.form")}</Th>
              <Th>{t("contact.flows.answers")}</Th>
            </tr>
          </thead>
          <tbody>
            {flowAnswers.length === 0 && <EmptyRow columns={3}>{t("contact.flows.empty")}</EmptyRow>}
            {flowAnswers.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">
                  <LocalTime value={r.completedAt} />
                </Td>
                <Td>
                  <Link href={`/flows/${r.flow.id}/results`} className="text-brand-700 underline">
                    {r.flow.name}
                  </Link>
                </Td>
                <Td className="text-sm">
                  {r.questions
                    .map((q) => [
                      q.label,
                      readableAnswer(q, (r.answers as Record<string, unknown>)[q.name], yesNo, when),
                    ])
                    .filter(([, value]) => value)
                    .map(([label, value]) => `${label}: ${value}`)
                    .join(" · ")}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </>
  );
}

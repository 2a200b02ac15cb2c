import type { Metadata } from "next";
import Link from "next/link";
import { PrivacyActions } from "@/components/audiences/privacy-actions";
import { RecordConsentForm } from "@/components/audiences/record-consent-form";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listConsentLists } from "@/lib/consent/queries";
import { getContactDetail } from "@/lib/contacts/queries";
import { replyText } from "@/lib/whatsapp/inbound";
import type { InboundMessageEvent } from "@/lib/whatsapp/schemas";
import { orNotFound, pageId } from "@/lib/not-found";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("audiences.view");
  const contact = await orNotFound(getContactDetail(user.workspaceId, pageId((await params).id)));
  const admin = can(user.role, "consent.edit");
  const lists = admin ? await listConsentLists(user.workspaceId) : [];
  const attributes = Object.entries((contact.attributes ?? {}) as Record<string, unknown>);
  return (
    <>
      <PageHeader
        title={contact.name ?? contact.phone}
        description={`${contact.phone} · ${contact.locale ?? "no locale"} · ${contact.timeZone ?? "no time zone"}`}
      />
      <div className="-mt-4 mb-6 flex flex-wrap items-center justify-between gap-4 text-sm">
        <Link href="/audiences/contacts" className="text-brand-700 underline">
          ← All contacts
        </Link>
        {admin && <PrivacyActions contactId={contact.id} label={contact.name ?? contact.phone} />}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="font-semibold">Details</h2>
          <dl className="mt-3 space-y-2 text-sm">
            {attributes.map(([key, value]) => (
              <div key={key} className="flex justify-between gap-4">
                <dt className="text-muted">{key}</dt>
                <dd className="font-medium">{String(value)}</dd>
              </div>
            ))}
            <div className="flex justify-between gap-4">
              <dt className="text-muted">Tags</dt>
              <dd>{contact.tags.length ? contact.tags.map((t) => <Badge key={t}>{t}</Badge>) : "—"}</dd>
            </div>
            <div className="flex justify-between gap-4">
              <dt className="text-muted">WhatsApp</dt>
              <dd>
                {contact.unreachable ? (
                  <Badge tone="red">Not reachable (131026)</Badge>
                ) : (
                  <Badge tone="green">Reachable</Badge>
                )}
              </dd>
            </div>
          </dl>
        </Card>
        <Card className="p-5 lg:col-span-2">
          <h2 className="font-semibold">Consent now</h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {contact.consents.length === 0 && (
              <li className="text-sm text-muted">No consent recorded: this person receives no templates.</li>
            )}
            {contact.consents.map((c) => (
              <li key={c.consentList.id}>
                <Badge tone={c.optedIn ? "green" : "red"}>
                  {/* one inline run: the badge lays out its children as flex items, which drops the space before the date */}
                  <span>
                    {c.consentList.name}: {c.optedIn ? "opted in" : "opted out"} since{" "}
                    <LocalTime value={c.changedAt} dateOnly />
                  </span>
                </Badge>
              </li>
            ))}
          </ul>
          {admin && lists.length > 0 && (
            <div className="mt-6 border-t border-line pt-5">
              <h3 className="mb-3 text-sm font-semibold">Record a change (admins)</h3>
              <RecordConsentForm contactId={contact.id} lists={lists.map((l) => ({ id: l.id, name: l.name }))} />
            </div>
          )}
        </Card>
      </div>

      <h2 className="mt-8 mb-3 font-semibold">Consent history</h2>
      <Table caption="Consent history">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Change</Th>
            <Th>List</Th>
            <Th>Source</Th>
            <Th>Proof</Th>
            <Th>By</Th>
          </tr>
        </thead>
        <tbody>
          {contact.consentEvents.map((e) => (
            <tr key={e.id}>
              <Td className="whitespace-nowrap">
                <LocalTime value={e.occurredAt} />
              </Td>
              <Td>
                {e.action === "OPT_IN" ? <Badge tone="green">Opted in</Badge> : <Badge tone="red">Opted out</Badge>}
              </Td>
              <Td>{e.list ?? "All marketing lists"}</Td>
              <Td className="text-xs">{e.source.toLowerCase().replaceAll("_", " ")}</Td>
              <Td className="max-w-md text-xs">{e.proof ?? "—"}</Td>
              <Td className="text-xs">{e.actor ?? "—"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="sent-heading">
          <h2 id="sent-heading" className="mb-3 font-semibold">
            Messages sent
          </h2>
          <Table caption="Messages sent">
            <thead>
              <tr>
                <Th>Campaign or message</Th>
                <Th>State</Th>
                <Th>Sent</Th>
              </tr>
            </thead>
            <tbody>
              {contact.messages.length === 0 && (
                <EmptyRow columns={3}>Nothing has been sent to this person yet.</EmptyRow>
              )}
              {contact.messages.map((m) => (
                <tr key={m.id}>
                  <Td>
                    {m.campaign?.name ?? (
                      <>
                        {m.template?.name ?? "Session message"}{" "}
                        <span className="text-xs text-muted">(transactional, API)</span>
                      </>
                    )}
                  </Td>
                  <Td>
                    {m.state.toLowerCase()}
                    {m.errorReason && <p className="text-xs text-red-700">{m.errorReason}</p>}
                  </Td>
                  <Td>{m.sentAt ? <LocalTime value={m.sentAt} /> : "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
        <section aria-labelledby="received-heading">
          <h2 id="received-heading" className="mb-3 font-semibold">
            Messages received
          </h2>
          <Table caption="Messages received">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Message</Th>
              </tr>
            </thead>
            <tbody>
              {contact.inbound.length === 0 && <EmptyRow columns={2}>Nothing received from this person yet.</EmptyRow>}
              {contact.inbound.map((m) => (
                <tr key={m.id}>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={m.receivedAt} />
                  </Td>
                  <Td>{replyText(m.payload as InboundMessageEvent) ?? `[${m.type}]`}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      </div>
    </>
  );
}

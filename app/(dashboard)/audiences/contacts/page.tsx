import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { countContacts, listContacts } from "@/lib/contacts/queries";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await guardPage("audiences.view");
  const { after } = await searchParams;
  const [{ contacts, nextCursor }, total] = await Promise.all([
    listContacts(user.workspaceId, after),
    countContacts(user.workspaceId),
  ]);
  return (
    <>
      <PageHeader title="Contacts" description={`${formatNumber(total)} people in this workspace, with their consent per list.`} />
      {total === 0 ? (
        <EmptyState icon={<Users className="size-6" />} title="No contacts yet">
          Contacts arrive by CSV import with their opt-in proof, or when someone messages your WhatsApp number.
        </EmptyState>
      ) : (
        <>
          <Table>
            <caption className="sr-only">Contacts</caption>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Phone</Th>
                <Th>Locale</Th>
                <Th>Consent</Th>
                <Th>Tags</Th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id}>
                  <Td className="font-medium">
                    <Link href={`/audiences/contacts/${c.id}`} className="text-brand-700 hover:underline">
                      {c.name ?? c.phone}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{c.phone}</Td>
                  <Td>{c.locale ?? "—"}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {c.consents.map((consent) => (
                        <Badge key={consent.consentList.name} tone={consent.optedIn ? "green" : "red"}>
                          {consent.consentList.name}: {consent.optedIn ? "opted in" : "opted out"}
                        </Badge>
                      ))}
                    </div>
                  </Td>
                  <Td>{c.tags.join(", ") || "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label="Pages" className="mt-4 flex justify-end gap-3 text-sm">
            {after && (
              <Link className="font-medium text-brand-700 underline" href="/audiences/contacts">
                First page
              </Link>
            )}
            {nextCursor && (
              <Link className="font-medium text-brand-700 underline" href={`/audiences/contacts?after=${nextCursor}`}>
                Next page
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}

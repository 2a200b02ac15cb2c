import { Upload, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { FilterForm } from "@/components/ui/filter-form";
import { Input, Label, Select } from "@/components/ui/input";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { listConsentLists } from "@/lib/consent/queries";
import { countContacts, listContacts } from "@/lib/contacts/queries";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Contacts" };

type Search = { after?: string; q?: string; tag?: string; list?: string; consent?: string };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await guardPage("audiences.view");
  const params = await searchParams;
  const filters = {
    q: params.q || undefined,
    tag: params.tag || undefined,
    listId: params.list || undefined,
    consent: params.consent === "in" || params.consent === "out" ? params.consent : undefined,
  } as const;
  const filtered = Boolean(filters.q || filters.tag || filters.listId);
  const [{ contacts, nextCursor }, total, all, lists] = await Promise.all([
    listContacts(user.workspaceId, params.after, filters),
    countContacts(user.workspaceId, filters),
    filtered ? countContacts(user.workspaceId) : null,
    listConsentLists(user.workspaceId),
  ]);
  const keep = new URLSearchParams(
    Object.entries({ q: params.q, tag: params.tag, list: params.list, consent: params.consent }).filter(
      ([, v]) => v,
    ) as [string, string][],
  );
  return (
    <>
      <PageHeader
        title="Contacts"
        actions={
          can(user.role, "contacts.edit") && (
            <Button asChild variant="secondary">
              <Link href="/audiences/contacts/import">
                <Upload className="size-4" aria-hidden /> Import CSV
              </Link>
            </Button>
          )
        }
        description={
          filtered
            ? `${formatNumber(total)} of ${formatNumber(all ?? 0)} people match.`
            : `${formatNumber(total)} people in this workspace, with their consent per list.`
        }
      />
      <FilterForm label="Filter contacts" clearHref="/audiences/contacts" filtered={filtered}>
        <div>
          <Label htmlFor="q">Name or phone</Label>
          <Input id="q" name="q" defaultValue={params.q} placeholder="Ana, +34 610…" />
        </div>
        <div>
          <Label htmlFor="tag">Tag</Label>
          <Input id="tag" name="tag" defaultValue={params.tag} placeholder="vip" className="w-32" />
        </div>
        <div>
          <Label htmlFor="list">Consent list</Label>
          <Select id="list" name="list" defaultValue={params.list ?? ""}>
            <option value="">Any</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="consent">Consent</Label>
          <Select id="consent" name="consent" defaultValue={params.consent ?? ""}>
            <option value="">Opted in or out</option>
            <option value="in">Opted in</option>
            <option value="out">Opted out</option>
          </Select>
        </div>
      </FilterForm>
      {total === 0 && filtered ? (
        <EmptyState icon={<Users className="size-6" />} title="Nobody matches these filters">
          Try another name, tag or list, or clear the filters.
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState icon={<Users className="size-6" />} title="No contacts yet">
          Contacts arrive by CSV import with their opt-in proof, or when someone messages your WhatsApp number.
        </EmptyState>
      ) : (
        <>
          <Table caption="Contacts">
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
            {params.after && (
              <Link className="font-medium text-brand-700 underline" href={`/audiences/contacts?${keep}`}>
                First page
              </Link>
            )}
            {nextCursor && (
              <Link
                className="font-medium text-brand-700 underline"
                href={`/audiences/contacts?${new URLSearchParams([...keep, ["after", nextCursor]])}`}
              >
                Next page
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}

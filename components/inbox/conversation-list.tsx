"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Input, Label, Select } from "@/components/ui/input";
import type { ConversationSummary } from "@/lib/inbox/queries";
import { cn } from "@/lib/utils";
import { fetchJson } from "@/lib/fetch-json";
import { inboxKeys } from "@/lib/inbox/query-keys";

const FILTERS: [string, string][] = [
  ["all", "All"],
  ["unread", "Unread"],
  ["mine", "Assigned to me"],
  ["unassigned", "Unassigned"],
  ["open_window", "Window open"],
  ["closed_window", "Window closed"],
  ["resolved", "Resolved"],
];

const fetchList = (query: string) =>
  fetchJson<ConversationSummary[]>(`/api/v1/inbox?${query}`, "Could not load conversations.");

/** Conversations, newest activity first; filters and search live in the address, the list refreshes every 5 s. */
export function ConversationList({
  initial,
  initialQuery,
  activeId,
  campaigns,
}: {
  /** The list the server rendered, for the filters in `initialQuery`. */
  initial: ConversationSummary[];
  initialQuery: string;
  activeId?: string;
  campaigns: { id: string; name: string }[];
}) {
  const router = useRouter();
  const params = useSearchParams();
  const query = params.toString();
  // The server's list stands only for the filters it was made with; another filter waits for its own.
  const { data, error } = useQuery({
    queryKey: inboxKeys.conversations(query),
    queryFn: () => fetchList(query),
    initialData: query === initialQuery ? initial : undefined,
    refetchInterval: 5000,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`?${next}`);
  };
  return (
    <nav aria-label="Conversations" className="flex flex-col rounded-lg border border-line bg-white">
      <div className="space-y-2 border-b border-line p-3">
        <Label htmlFor="inbox-search" className="sr-only">
          Search by name or number
        </Label>
        <Input
          id="inbox-search"
          type="search"
          placeholder="Search name or number"
          defaultValue={params.get("q") ?? ""}
          onChange={(e) => set("q", e.target.value)}
        />
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="inbox-filter" className="sr-only">
              Show
            </Label>
            <Select
              id="inbox-filter"
              value={params.get("filter") ?? "all"}
              onChange={(e) => set("filter", e.target.value)}
            >
              {FILTERS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="inbox-campaign" className="sr-only">
              Replied to campaign
            </Label>
            <Select
              id="inbox-campaign"
              value={params.get("campaignId") ?? ""}
              onChange={(e) => set("campaignId", e.target.value)}
            >
              <option value="">Any campaign</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </div>
        </div>
      </div>
      {error && (
        <p role="alert" className="p-3 text-sm text-red-700">
          {error.message}
        </p>
      )}
      {!data ? (
        <p className="p-6 text-center text-sm text-muted" role="status">
          Loading conversations…
        </p>
      ) : data.length === 0 ? (
        <p className="p-6 text-center text-sm text-muted">
          No conversations here. When a contact writes to your number or answers a campaign, it shows up at once.
        </p>
      ) : (
        <ul className="max-h-[75vh] divide-y divide-line overflow-y-auto">
          {data.map((c) => (
            <li key={c.id}>
              <Link
                href={`/inbox/${c.id}?${query}`}
                aria-current={c.id === activeId ? "page" : undefined}
                className={cn("block px-3 py-2.5 hover:bg-gray-50", c.id === activeId && "bg-brand-50")}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className={cn("truncate text-sm", c.unreadCount > 0 ? "font-semibold" : "font-medium")}>
                    {c.contact.name ?? c.contact.phone}
                  </span>
                  <span className="shrink-0 text-xs text-muted">
                    {new Date(c.lastActivityAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
                  </span>
                </span>
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate text-xs text-muted">{c.preview}</span>
                  <span className="flex shrink-0 items-center gap-1">
                    {c.window.open && (
                      <span className="size-2 rounded-full bg-brand-600" title="Window open" aria-label="window open" />
                    )}
                    {c.unreadCount > 0 && (
                      <span
                        className="rounded-full bg-brand-600 px-1.5 text-xs font-medium text-white"
                        aria-label={`${c.unreadCount} unread`}
                      >
                        {c.unreadCount}
                      </span>
                    )}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

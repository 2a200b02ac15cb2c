"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import type { ConversationSummary } from "@/lib/inbox/queries";
import { useFormat } from "@/lib/i18n/format";
import { PreviewLine } from "./preview-line";
import { cn } from "@/lib/utils";
import { fetchJson } from "@/lib/fetch-json";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { contactHandle } from "@/lib/contacts/identity";

const FILTERS = ["all", "unread", "mine", "unassigned", "open_window", "closed_window", "resolved"] as const;

const fetchList = (query: string, failed: string) => fetchJson<ConversationSummary[]>(`/api/v1/inbox?${query}`, failed);

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
  const t = useTranslations("inbox.list");
  const format = useFormat();
  const router = useRouter();
  const params = useSearchParams();
  const query = params.toString();
  // The server's list stands only for the filters it was made with; another filter waits for its own.
  const { data, error } = useQuery({
    queryKey: inboxKeys.conversations(query),
    queryFn: () => fetchList(query, t("loadFailed")),
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
    <nav aria-label={t("label")} className="flex flex-col rounded-lg border border-line bg-white">
      <div className="space-y-2 border-b border-line p-3">
        <Label htmlFor="inbox-search" className="sr-only">
          {t("search")}
        </Label>
        <Input
          id="inbox-search"
          type="search"
          placeholder={t("searchPlaceholder")}
          defaultValue={params.get("q") ?? ""}
          onChange={(e) => set("q", e.target.value)}
        />
        <div className="grid grid-cols-2 gap-2">
          <div>
            <Label htmlFor="inbox-filter" className="sr-only">
              {t("show")}
            </Label>
            <ChoiceSelect
              id="inbox-filter"
              value={params.get("filter") ?? "all"}
              onValueChange={(value) => set("filter", value)}
              choices={FILTERS.map((value) => ({ value, label: t(`filter.${value}`) }))}
            />
          </div>
          <div>
            <Label htmlFor="inbox-campaign" className="sr-only">
              {t("campaign")}
            </Label>
            <ChoiceSelect
              id="inbox-campaign"
              value={params.get("campaignId") ?? ""}
              onValueChange={(value) => set("campaignId", value)}
              choices={[
                { value: "", label: t("anyCampaign") },
                ...campaigns.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
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
          {t("loading")}
        </p>
      ) : data.length === 0 ? (
        <p className="p-6 text-center text-sm text-muted">{t("empty")}</p>
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
                    {c.contact.name ?? contactHandle(c.contact)}
                  </span>
                  <span className="shrink-0 text-xs text-muted">{format.time(c.lastActivityAt)}</span>
                </span>
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate text-xs text-muted">
                    {c.preview && <PreviewLine preview={c.preview} />}
                  </span>
                  <span className="flex shrink-0 items-center gap-1">
                    {c.window.open && (
                      <span
                        className="size-2 rounded-full bg-brand-600"
                        title={t("windowOpen")}
                        aria-label={t("windowOpen")}
                      />
                    )}
                    {c.unreadCount > 0 && (
                      <span
                        className="rounded-full bg-brand-600 px-1.5 text-xs font-medium text-white"
                        aria-label={t("unread", { count: c.unreadCount, unread: format.number(c.unreadCount) })}
                      >
                        {format.number(c.unreadCount)}
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

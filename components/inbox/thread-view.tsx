"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { addNoteAction, assignAction, markReadAction, resolveAction } from "@/app/(dashboard)/inbox/actions";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import type { InboxChoices, Thread } from "@/lib/inbox/queries";
import { windowState } from "@/lib/inbox/window";
import { useFormat } from "@/lib/i18n/format";
import { Composer } from "./composer";
import { Timeline } from "./timeline";
import { fetchJson } from "@/lib/fetch-json";
import { inboxKeys } from "@/lib/inbox/query-keys";
import { contactHandle } from "@/lib/contacts/identity";

const fetchThread = (id: string, failed: string) => fetchJson<Thread>(`/api/v1/inbox/${id}`, failed);

/** One conversation, live: new messages and delivery ticks arrive without a reload (polled every 3 s). */
export function ThreadView({
  initial,
  choices,
  canReply,
}: {
  initial: Thread;
  choices: InboxChoices;
  canReply: boolean;
}) {
  const t = useTranslations("inbox.thread");
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: thread = initial, error } = useQuery({
    queryKey: inboxKeys.thread(initial.id),
    queryFn: () => fetchThread(initial.id, t("loadFailed")),
    initialData: initial,
    refetchInterval: 3000,
  });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [note, setNote] = useState("");
  const [now, setNow] = useState(() => Date.now());
  const end = useRef<HTMLDivElement>(null);
  const window = windowState(thread.lastInboundAt, now);
  const lastInbound = [...thread.timeline].reverse().find((t) => t.kind === "inbound");

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  // Opening the conversation (or a new message arriving while it is open) marks it read, on WhatsApp too.
  useEffect(() => {
    if (canReply && thread.unreadCount > 0) void markReadAction({ conversationId: thread.id });
  }, [canReply, thread.id, thread.unreadCount]);
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [thread.timeline.length]);

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const result = await run();
    setOutcome(result.ok ? { ok: true, text: done } : { ok: false, text: result.error!.message });
    // The thread, the list and the unread badge may all have changed.
    await queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  };

  return (
    <section
      aria-label={t("label", { name: thread.contact.name ?? contactHandle(thread.contact) })}
      className="flex min-h-[70vh] flex-col rounded-lg border border-line bg-[#efeae2]"
    >
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-line bg-white p-4">
        <div>
          <h2 className="font-semibold">{thread.contact.name ?? contactHandle(thread.contact)}</h2>
          <p className="text-sm text-muted">
            {contactHandle(thread.contact)} ·{" "}
            <span data-testid="window-state">
              {window.open
                ? // Whole minutes: the countdown moves every 30 s, seconds would only flicker.
                  t("windowOpen", { left: format.duration(Math.max(1, Math.floor(window.remainingMs / 60_000)) * 60) })
                : t("windowClosed")}
            </span>{" "}
            ·{" "}
            <Link className="text-brand-700 underline" href={`/audiences/contacts/${thread.contact.id}`}>
              {t("contactDetails")}
            </Link>
          </p>
        </div>
        {canReply && (
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <Label htmlFor="assignee" className="text-xs">
                {t("assignedTo")}
              </Label>
              <ChoiceSelect
                id="assignee"
                className="h-8 w-44"
                value={thread.assignedTo?.id ?? ""}
                onValueChange={(value) =>
                  act(() => assignAction({ conversationId: thread.id, assigneeId: value || null }), t("assigned"))
                }
                choices={[
                  { value: "", label: t("nobody") },
                  ...choices.members.map((m) => ({ value: m.id, label: m.name })),
                ]}
              />
            </div>
            <Button
              size="sm"
              variant="secondary"
              onClick={() =>
                act(
                  () => resolveAction({ conversationId: thread.id, resolved: !thread.resolvedAt }),
                  thread.resolvedAt ? t("reopened") : t("resolved"),
                )
              }
            >
              {thread.resolvedAt ? t("reopen") : t("resolve")}
            </Button>
          </div>
        )}
        {!canReply && (
          <p className="text-sm text-muted">
            {thread.assignedTo
              ? t("readOnlyAssigned", { name: thread.assignedTo.name ?? t("formerMember") })
              : t("readOnlyUnassigned")}
          </p>
        )}
      </header>
      {error && (
        <p role="alert" className="bg-red-50 p-2 text-sm text-red-700">
          {error.message} {t("retrying")}
        </p>
      )}
      <div className="flex-1 space-y-2 overflow-y-auto p-4" aria-live="polite" aria-label={t("messages")}>
        <Timeline items={thread.timeline} />
        <div ref={end} />
      </div>
      <StatusMessage outcome={outcome} className="px-4" />
      {canReply && (
        <>
          <Composer
            key={`${window.open}`}
            conversationId={thread.id}
            windowOpen={window.open}
            replyTo={window.open ? (lastInbound?.kind === "inbound" ? lastInbound.wamid : undefined) : undefined}
            contact={thread.contact}
            choices={choices}
            onSent={() => void queryClient.invalidateQueries({ queryKey: inboxKeys.all })}
          />
          <form
            className="flex items-end gap-2 border-t border-line bg-amber-50/60 p-3"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => addNoteAction({ conversationId: thread.id, body: note }), t("noteAdded")).then(() =>
                setNote(""),
              );
            }}
          >
            <div className="flex-1">
              <Label htmlFor="note" className="text-xs">
                {t("note")}
              </Label>
              <Input id="note" value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <Button size="sm" variant="secondary" type="submit" disabled={!note.trim()}>
              {t("addNote")}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

"use client";
// One webhook endpoint on the Webhooks page: its state, its events, and what an admin can do with it.
import Link from "next/link";
import { useState, useTransition } from "react";
import {
  deleteEndpointAction,
  sendTestEventAction,
  setEndpointEnabledAction,
} from "@/app/(dashboard)/settings/webhooks/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { LocalTime } from "@/components/ui/local-time";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { SigningSecret } from "./signing-secret";

export type EndpointSummary = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  pending: number;
};

function StateBadge({ endpoint }: { endpoint: EndpointSummary }) {
  if (!endpoint.enabled) return <Badge tone="red">Disabled</Badge>;
  if (endpoint.failingSince) return <Badge tone="amber">Failing</Badge>;
  return <Badge tone="green">Enabled</Badge>;
}

export function EndpointCard({ endpoint }: { endpoint: EndpointSummary }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>, success: string) =>
    startTransition(async () => {
      const result = await work();
      setOutcome(result.ok ? { ok: true, text: success } : { ok: false, text: result.error!.message });
    });
  const headingId = `endpoint-${endpoint.id}-url`;

  return (
    <Card className="space-y-4 p-5" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="font-mono text-sm font-medium break-all">
            {endpoint.url}
          </h2>
          {endpoint.description && <p className="mt-0.5 text-sm text-muted">{endpoint.description}</p>}
        </div>
        <StateBadge endpoint={endpoint} />
      </div>

      {!endpoint.enabled && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          {endpoint.disabledReason ??
            "An admin disabled this endpoint. Events for it are kept and sent once it is enabled again."}
        </p>
      )}
      {endpoint.enabled && endpoint.failingSince && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Deliveries have been failing since <LocalTime value={endpoint.failingSince} />. Parley keeps retrying; after
          24 hours of failures it disables the endpoint. See the delivery log for the receiver&apos;s answers.
        </p>
      )}

      <div>
        <h3 className="text-sm font-medium">Events</h3>
        <ul className="mt-1 flex flex-wrap gap-1">
          {endpoint.eventTypes.map((type) => (
            <li key={type}>
              <Badge className="font-mono">{type}</Badge>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-muted">
          {endpoint.pending === 0
            ? "Nothing waiting to be sent."
            : `${endpoint.pending.toLocaleString()} waiting to be sent.`}{" "}
          Added <LocalTime value={endpoint.createdAt} dateOnly />.
        </p>
      </div>

      <SigningSecret endpointId={endpoint.id} />

      <div className="flex flex-wrap gap-2">
        <Button asChild variant="secondary" size="sm">
          <Link href={`/settings/webhooks/${endpoint.id}`}>Delivery log</Link>
        </Button>
        <EndpointFormDialog
          endpoint={endpoint}
          trigger={
            <Button variant="secondary" size="sm">
              Edit
            </Button>
          }
        />
        <Button
          variant="secondary"
          size="sm"
          disabled={pending || !endpoint.enabled}
          title={endpoint.enabled ? undefined : "Enable the endpoint to send a test event"}
          onClick={() =>
            run(
              () => sendTestEventAction({ id: endpoint.id }),
              "A test event is on its way. Its delivery appears in the delivery log.",
            )
          }
        >
          Send test event
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() =>
            run(
              () => setEndpointEnabledAction({ id: endpoint.id, enabled: !endpoint.enabled }),
              endpoint.enabled
                ? "Disabled. Events are kept until you enable it again."
                : "Enabled. Waiting events are being sent.",
            )
          }
        >
          {endpoint.enabled ? "Disable" : "Enable"}
        </Button>
        <DeleteEndpointDialog endpoint={endpoint} />
      </div>
      <StatusMessage outcome={outcome} />
    </Card>
  );
}

function DeleteEndpointDialog({ endpoint }: { endpoint: EndpointSummary }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog onOpenChange={() => setOutcome(null)}>
      <DialogTrigger asChild>
        <Button variant="danger" size="sm">
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Delete this webhook endpoint?"
        description={`Parley stops sending events to ${endpoint.url} at once, and its delivery log and waiting events are deleted. This cannot be undone.`}
      >
        <DialogConfirm
          outcome={outcome}
          pending={pending}
          confirmLabel="Delete endpoint"
          pendingLabel="Deleting…"
          onConfirm={() =>
            startTransition(async () => {
              const result = await deleteEndpointAction({ id: endpoint.id });
              if (!result.ok) setOutcome({ ok: false, text: result.error.message });
            })
          }
        />
      </DialogContent>
    </Dialog>
  );
}

"use client";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { ApiKeyState } from "@/lib/api/key-state";
import type { ApiScope } from "@/lib/api/scopes";
import { RevokeApiKeyDialog } from "./revoke-api-key-dialog";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: ApiKeyState;
};

const STATE_BADGE: Record<ApiKeyState, { tone: "green" | "amber" | "red"; text: string }> = {
  active: { tone: "green", text: "Active" },
  expired: { tone: "amber", text: "Expired" },
  revoked: { tone: "red", text: "Revoked" },
};

export function ApiKeyTable({ keys }: { keys: ApiKeyRow[] }) {
  return (
    <Table caption="API keys">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Key</Th>
          <Th>Scopes</Th>
          <Th>Created</Th>
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>State</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {keys.length === 0 && (
          <EmptyRow columns={8}>
            No API keys yet. Create one for each system that should call Parley, with only the scopes it needs.
          </EmptyRow>
        )}
        {keys.map((key) => (
          <tr key={key.id}>
            <Td className="font-medium">{key.name}</Td>
            <Td>
              <code className="font-mono text-xs whitespace-nowrap" title="The start of the key, to tell keys apart">
                {key.prefix}_…
              </code>
            </Td>
            <Td>
              <ul className="flex max-w-xs flex-wrap gap-1">
                {key.scopes.map((scope) => (
                  <li key={scope}>
                    <Badge tone="neutral" className="font-mono">
                      {scope}
                    </Badge>
                  </li>
                ))}
              </ul>
            </Td>
            <Td className="whitespace-nowrap text-muted">
              <LocalTime value={key.createdAt} dateOnly />
            </Td>
            <Td className="whitespace-nowrap text-muted">
              {key.expiresAt ? <LocalTime value={key.expiresAt} /> : "Never"}
            </Td>
            <Td className="whitespace-nowrap text-muted">
              {key.lastUsedAt ? <LocalTime value={key.lastUsedAt} /> : "Never"}
            </Td>
            <Td>
              <Badge tone={STATE_BADGE[key.state].tone}>{STATE_BADGE[key.state].text}</Badge>
              {key.revokedAt && (
                <span className="mt-1 block text-xs text-muted">
                  <LocalTime value={key.revokedAt} dateOnly />
                </span>
              )}
            </Td>
            <Td className="text-right whitespace-nowrap">
              {key.state !== "revoked" && <RevokeApiKeyDialog id={key.id} name={key.name} prefix={key.prefix} />}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

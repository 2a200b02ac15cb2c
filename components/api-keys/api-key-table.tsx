"use client";
import { useTranslations } from "next-intl";
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

const STATE_TONE: Record<ApiKeyState, "green" | "amber" | "red"> = {
  active: "green",
  expired: "amber",
  revoked: "red",
};

export function ApiKeyTable({ keys }: { keys: ApiKeyRow[] }) {
  const t = useTranslations("settings.api.table");
  return (
    <Table caption={t("caption")}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("key")}</Th>
          <Th>{t("scopes")}</Th>
          <Th>{t("created")}</Th>
          <Th>{t("expires")}</Th>
          <Th>{t("lastUsed")}</Th>
          <Th>{t("state")}</Th>
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {keys.length === 0 && <EmptyRow columns={8}>{t("empty")}</EmptyRow>}
        {keys.map((key) => (
          <tr key={key.id}>
            <Td className="font-medium">{key.name}</Td>
            <Td>
              <code className="font-mono text-xs whitespace-nowrap" title={t("prefixTitle")}>
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
              {key.expiresAt ? <LocalTime value={key.expiresAt} /> : t("never")}
            </Td>
            <Td className="whitespace-nowrap text-muted">
              {key.lastUsedAt ? <LocalTime value={key.lastUsedAt} /> : t("never")}
            </Td>
            <Td>
              <Badge tone={STATE_TONE[key.state]}>{t(`stateName.${key.state}`)}</Badge>
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

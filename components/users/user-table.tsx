"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { changeRoleAction, setUserActiveAction } from "@/app/(dashboard)/settings/users/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ChoiceSelect } from "@/components/ui/select";
import { LocalTime } from "@/components/ui/local-time";
import { Table, Td, Th } from "@/components/ui/table";
import { ResetPasswordDialog } from "@/components/users/reset-password-dialog";
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";

type Member = { id: string; name: string; email: string; role: Role; active: boolean; lastLoginAt: Date | null };

export function UserTable({ members, currentUserId }: { members: Member[]; currentUserId: string }) {
  const t = useTranslations("settings.users");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      setError(null);
      const result = await work();
      if (!result.ok) setError(result.error?.message ?? t("table.failed"));
    });

  return (
    <>
      {error && (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Table caption={t("table.caption")} aria-busy={pending}>
        <thead>
          <tr>
            <Th>{t("table.name")}</Th>
            <Th>{t("table.email")}</Th>
            <Th>{t("table.role")}</Th>
            <Th>{t("table.status")}</Th>
            <Th>{t("table.lastSignIn")}</Th>
            <Th>
              <span className="sr-only">{t("table.actions")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <Td className="font-medium">
                {m.name}
                {m.id === currentUserId && <span className="ml-2 text-xs text-muted">{t("table.you")}</span>}
              </Td>
              <Td>{m.email}</Td>
              <Td>
                <ChoiceSelect
                  aria-label={t("table.roleOf", { name: m.name })}
                  value={m.role}
                  disabled={pending || !m.active}
                  onValueChange={(role) => run(() => changeRoleAction({ userId: m.id, role: role as Role }))}
                  className="w-36"
                  choices={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                />
              </Td>
              <Td>
                {m.active ? (
                  <Badge tone="green">{t("table.active")}</Badge>
                ) : (
                  <Badge tone="red">{t("table.deactivated")}</Badge>
                )}
              </Td>
              <Td className="text-muted">{m.lastLoginAt ? <LocalTime value={m.lastLoginAt} /> : t("table.never")}</Td>
              <Td className="space-x-1 text-right whitespace-nowrap">
                {m.id !== currentUserId && m.active && (
                  <ResetPasswordDialog userId={m.id} name={m.name} email={m.email} />
                )}
                {m.id !== currentUserId && (
                  <Button
                    variant={m.active ? "secondary" : "ghost"}
                    size="sm"
                    disabled={pending}
                    onClick={() => run(() => setUserActiveAction({ userId: m.id, active: !m.active }))}
                  >
                    {t.rich(m.active ? "table.deactivate" : "table.reactivate", {
                      name: m.name,
                      hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                    })}
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

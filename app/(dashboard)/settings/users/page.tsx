import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UserTable } from "@/components/users/user-table";
import { guardPage } from "@/lib/auth/guard";
import { listMembers } from "@/lib/users/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const user = await guardPage("users.manage");
  const members = await listMembers(user.workspaceId);
  const t = await getTranslations("settings.users");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<CreateUserDialog />} />
      <UserTable members={members} currentUserId={user.userId} />
    </>
  );
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UserTable } from "@/components/users/user-table";
import { guardPage } from "@/lib/auth/guard";
import { listMembers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await guardPage("users.manage");
  const members = await listMembers(user.workspaceId);
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can use this workspace and with which role. Every change is written to the audit log."
        actions={<CreateUserDialog />}
      />
      <UserTable members={members} currentUserId={user.userId} />
    </>
  );
}

import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await guardPage("account.manage");
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
      <Card className="p-6">
        <h2 className="mb-4 text-lg font-semibold">Change your password</h2>
        <ChangePasswordForm />
      </Card>
    </>
  );
}

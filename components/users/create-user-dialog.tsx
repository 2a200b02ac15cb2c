"use client";
// Add a member: the button is drawn with the page, inert until the form (Radix Dialog and react-hook-form),
// loaded after the page is up, is there (components/ui/deferred.tsx).
import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export function CreateUserButton(props: ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("settings.users");
  return (
    <Button {...props}>
      <UserPlus className="size-4" aria-hidden /> {t("create.trigger")}
    </Button>
  );
}

export const CreateUserDialog = deferred(
  () => import("./create-user-dialog-view"),
  () => <CreateUserButton disabled />,
);

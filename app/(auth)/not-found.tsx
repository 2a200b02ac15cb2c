import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/errors/status-page";
import { buttonVariants } from "@/components/ui/button";

export default async function AuthNotFound() {
  const t = await getTranslations("errors.notFoundPage");
  return (
    <StatusPage
      standalone
      icon={SearchX}
      title={t("title")}
      actions={
        <Link href="/login" className={buttonVariants()}>
          {t("goToSignIn")}
        </Link>
      }
    >
      <p>{t("bodySignIn")}</p>
    </StatusPage>
  );
}

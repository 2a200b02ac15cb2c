import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/account/preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { guardPage } from "@/lib/auth/guard";
import { isLocale } from "@/lib/i18n/config";
import { requestPreferences } from "@/lib/i18n/server";
import { timeZoneChoices } from "@/lib/i18n/time-zones";
import { ownPreferences } from "@/lib/users/preferences";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = await guardPage("account.manage");
  const [t, saved, { locale }] = await Promise.all([
    getTranslations("account"),
    ownPreferences(user.userId),
    requestPreferences(),
  ]);
  const zones = timeZoneChoices(locale);
  return (
    <>
      <PageHeader title={t("title")} description={t("signedInAs", { email: user.email })} />
      <div className="space-y-6">
        <Card className="p-6">
          <h2 className="mb-1 text-lg font-semibold">{t("preferences.title")}</h2>
          <p className="mb-4 text-sm text-muted">{t("preferences.description")}</p>
          <PreferencesForm
            saved={{ locale: isLocale(saved.locale) ? saved.locale : "", timeZone: saved.timeZone ?? "" }}
            zones={zones}
          />
        </Card>
        <Card className="p-6">
          <h2 className="mb-4 text-lg font-semibold">{t("password")}</h2>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}

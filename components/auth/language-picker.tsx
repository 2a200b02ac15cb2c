"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { chooseLanguageAction } from "@/app/(auth)/login/actions";
import { Label, Select } from "@/components/ui/input";
import { localeNames, locales } from "@/lib/i18n/config";

/** The login page in another language before signing in (signed in, the Account page's choice wins). */
export function LanguagePicker() {
  const t = useTranslations("auth");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="mx-auto flex w-full max-w-sm items-center justify-end gap-2">
      <Label htmlFor="login-language" className="mb-0 text-muted">
        {t("language")}
      </Label>
      <Select
        id="login-language"
        className="w-auto"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const chosen = event.target.value;
          startTransition(async () => {
            await chooseLanguageAction(chosen);
            router.refresh();
          });
        }}
      >
        {locales.map((value) => (
          <option key={value} value={value} lang={value}>
            {localeNames[value]}
          </option>
        ))}
      </Select>
    </div>
  );
}

"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { chooseLanguageAction } from "@/app/(auth)/login/actions";
import { Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
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
      <ChoiceSelect
        id="login-language"
        className="w-auto"
        value={locale}
        disabled={pending}
        onValueChange={(chosen) =>
          startTransition(async () => {
            await chooseLanguageAction(chosen);
            router.refresh();
          })
        }
        // Each language in its own name, read out in that language.
        choices={locales.map((value) => ({ value, label: localeNames[value], lang: value }))}
      />
    </div>
  );
}

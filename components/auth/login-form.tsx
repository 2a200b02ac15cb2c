"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { LoginInput } from "@/lib/auth/schemas";
import { translateMessage } from "@/lib/i18n/message-key";

const loginResolver = lazyZodResolver(() => import("@/lib/auth/schemas").then((m) => m.loginSchema));

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.form");
  const translate = useTranslations();
  const router = useRouter();
  // Until React has the form, Sign in is inert: a submit then would be the browser's own GET, with the password
  // in the address (history, server logs). method="post" keeps it out of the address even so.
  const hydrated = useHydrated();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: loginResolver });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    // next-auth's client (and the Babel runtime it brings) downloads when the person signs in, not with the page.
    const { signIn } = await import("next-auth/react");
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      // lib/auth/login.ts answers with a message key, which next-auth passes on as it is.
      setFormError(
        result?.error && result.error !== "CredentialsSignin" ? translateMessage(translate, result.error) : t("failed"),
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </div>
      )}
      <div>
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...register("email")}
        />
        <FieldError id="email-error" message={errors.email?.message} />
      </div>
      <div>
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={Boolean(errors.password)}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...register("password")}
        />
        <FieldError id="password-error" message={errors.password?.message} />
      </div>
      <Button type="submit" className="w-full" size="lg" disabled={!hydrated || isSubmitting}>
        {isSubmitting ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}

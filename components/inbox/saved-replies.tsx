"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { deleteSavedReplyAction, saveSavedReplyAction } from "@/app/(dashboard)/inbox/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { Table, Td, Th } from "@/components/ui/table";
import type { savedReplySchema, SavedReplyInput } from "@/lib/inbox/schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const savedReplyResolver = lazyZodResolver(() => import("@/lib/inbox/schemas").then((m) => m.savedReplySchema));

type Saved = { id: string; name: string; body: string; keyword: string | null };

/** Saved replies (with {{first_name}}) and the keywords that send one automatically inside the window. */
export function SavedReplies({ replies }: { replies: Saved[] }) {
  const t = useTranslations("inbox.saved");
  const router = useRouter();
  const form = useForm<z.input<typeof savedReplySchema>, unknown, SavedReplyInput>({
    resolver: savedReplyResolver,
    defaultValues: { name: "", body: "", keyword: "" },
  });
  const { errors } = form.formState;
  const { onSubmit, outcome, setOutcome } = useActionForm(form, saveSavedReplyAction, {
    onSuccess: () => {
      form.reset({ name: "", body: "", keyword: "" });
      router.refresh();
      return t("saved");
    },
  });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <Card>
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("reply")}</Th>
              <Th>{t("keyword")}</Th>
              <Th>
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {replies.length === 0 ? (
              <tr>
                <Td colSpan={4} className="text-muted">
                  {t("empty")}
                </Td>
              </tr>
            ) : (
              replies.map((r) => (
                <tr key={r.id}>
                  <Td className="font-medium">{r.name}</Td>
                  <Td className="max-w-md whitespace-pre-wrap">{r.body}</Td>
                  <Td>{r.keyword ?? "—"}</Td>
                  <Td>
                    <ConfirmDialog
                      trigger={
                        <Button size="sm" variant="ghost" aria-label={t("deleteNamed", { name: r.name })}>
                          {t("delete")}
                        </Button>
                      }
                      title={t("deleteNamed", { name: r.name })}
                      confirmLabel={t("delete")}
                      onConfirm={async () => {
                        const result = await deleteSavedReplyAction({ id: r.id });
                        setOutcome(
                          result.ok ? { ok: true, text: t("deleted") } : { ok: false, text: result.error.message },
                        );
                        router.refresh();
                      }}
                    />
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </Card>
      <Card className="p-5">
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <h2 className="font-semibold">{t("new")}</h2>
          <div>
            <Label htmlFor="saved-name">{t("name")}</Label>
            <Input id="saved-name" aria-describedby="saved-name-error" {...form.register("name")} />
            <FieldError id="saved-name-error" message={errors.name?.message} />
          </div>
          <div>
            <Label htmlFor="saved-body">{t("reply")}</Label>
            <textarea
              id="saved-body"
              rows={4}
              className="w-full rounded-md border border-line p-2 text-sm disabled:cursor-not-allowed disabled:bg-gray-100 disabled:text-gray-700"
              aria-describedby="saved-body-help saved-body-error"
              {...form.register("body")}
            />
            <p id="saved-body-help" className="text-xs text-muted">
              {t("bodyHelp", { first_name: "{{first_name}}", name: "{{name}}", phone: "{{phone}}" })}
            </p>
            <FieldError id="saved-body-error" message={errors.body?.message} />
          </div>
          <div>
            <Label htmlFor="saved-keyword">{t("keywordOptional")}</Label>
            <Input
              id="saved-keyword"
              placeholder={t("keywordPlaceholder")}
              aria-describedby="saved-keyword-help saved-keyword-error"
              {...form.register("keyword")}
            />
            <p id="saved-keyword-help" className="text-xs text-muted">
              {t("keywordHelp")}
            </p>
            <FieldError id="saved-keyword-error" message={errors.keyword?.message} />
          </div>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            {t("save")}
          </Button>
          <StatusMessage outcome={outcome} />
        </form>
      </Card>
    </div>
  );
}

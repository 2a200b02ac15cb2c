"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { deleteSavedReplyAction, saveSavedReplyAction } from "@/app/(dashboard)/inbox/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { Table, Td, Th } from "@/components/ui/table";
import { savedReplySchema, type SavedReplyInput } from "@/lib/inbox/schemas";

type Saved = { id: string; name: string; body: string; keyword: string | null };

/** Saved replies (with {{first_name}}) and the keywords that send one automatically inside the window. */
export function SavedReplies({ replies }: { replies: Saved[] }) {
  const router = useRouter();
  const form = useForm<z.input<typeof savedReplySchema>, unknown, SavedReplyInput>({
    resolver: zodResolver(savedReplySchema),
    defaultValues: { name: "", body: "", keyword: "" },
  });
  const { errors } = form.formState;
  const { onSubmit, outcome, setOutcome } = useActionForm(form, saveSavedReplyAction, {
    onSuccess: () => {
      form.reset({ name: "", body: "", keyword: "" });
      router.refresh();
      return "Saved.";
    },
  });
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <Card>
        <Table caption="Saved replies">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Reply</Th>
              <Th>Auto-reply keyword</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {replies.length === 0 ? (
              <tr>
                <Td colSpan={4} className="text-muted">
                  No saved replies yet. Save the answers your team types every day.
                </Td>
              </tr>
            ) : (
              replies.map((r) => (
                <tr key={r.id}>
                  <Td className="font-medium">{r.name}</Td>
                  <Td className="max-w-md whitespace-pre-wrap">{r.body}</Td>
                  <Td>{r.keyword ?? "—"}</Td>
                  <Td>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Delete ${r.name}`}
                      onClick={async () => {
                        const result = await deleteSavedReplyAction({ id: r.id });
                        setOutcome(
                          result.ok ? { ok: true, text: "Deleted." } : { ok: false, text: result.error.message },
                        );
                        router.refresh();
                      }}
                    >
                      Delete
                    </Button>
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </Card>
      <Card className="p-5">
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <h2 className="font-semibold">New saved reply</h2>
          <div>
            <Label htmlFor="saved-name">Name</Label>
            <Input id="saved-name" aria-describedby="saved-name-error" {...form.register("name")} />
            <FieldError id="saved-name-error" message={errors.name?.message} />
          </div>
          <div>
            <Label htmlFor="saved-body">Reply</Label>
            <textarea
              id="saved-body"
              rows={4}
              className="w-full rounded-md border border-line p-2 text-sm"
              aria-describedby="saved-body-help saved-body-error"
              {...form.register("body")}
            />
            <p id="saved-body-help" className="text-xs text-muted">
              {"{{first_name}}"}, {"{{name}}"} and {"{{phone}}"} are filled for each person.
            </p>
            <FieldError id="saved-body-error" message={errors.body?.message} />
          </div>
          <div>
            <Label htmlFor="saved-keyword">Auto-reply keyword (optional)</Label>
            <Input
              id="saved-keyword"
              placeholder="HOURS"
              aria-describedby="saved-keyword-help saved-keyword-error"
              {...form.register("keyword")}
            />
            <p id="saved-keyword-help" className="text-xs text-muted">
              A message that is exactly this word gets this reply at once, inside the 24-hour window. Opt-out words
              (STOP…) are handled by consent, not here.
            </p>
            <FieldError id="saved-keyword-error" message={errors.keyword?.message} />
          </div>
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Save reply
          </Button>
          <StatusMessage outcome={outcome} />
        </form>
      </Card>
    </div>
  );
}

// The one way a react-hook-form form calls a server action and shows what came back: the form's values
// (already checked by the same zod schema on the client) go to the action; a refusal puts each field's
// error back on its field and the message in the form's status line; success runs `onSuccess`, whose
// string (if any) becomes the status line.
import { useState, type BaseSyntheticEvent } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { setServerErrors } from "@/components/ui/server-errors";
import type { Outcome } from "@/components/ui/status-message";
import type { ActionError, ActionResult } from "@/lib/actions/action";

type Options<TValues, TData> = {
  /** After the action succeeded: reset, navigate, refresh. A string returned is shown as the outcome. */
  onSuccess?: (data: TData, values: TValues) => string | void | Promise<string | void>;
  /** Where the action nests the form's values (`{ id, campaign }`): its field errors start with this. */
  fieldPrefix?: string;
};

function withoutPrefix(error: ActionError, prefix?: string): ActionError {
  if (!prefix || !error.fieldErrors) return error;
  const fieldErrors = Object.fromEntries(
    Object.entries(error.fieldErrors).map(([field, messages]) => [
      field.startsWith(prefix) ? field.slice(prefix.length) : field,
      messages,
    ]),
  );
  return { ...error, fieldErrors };
}

export function useActionForm<TFieldValues extends FieldValues, TValues, TData>(
  form: UseFormReturn<TFieldValues, unknown, TValues>,
  action: (values: TValues) => Promise<ActionResult<TData>>,
  { onSuccess, fieldPrefix }: Options<TValues, TData> = {},
): {
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  outcome: Outcome;
  setOutcome: (outcome: Outcome) => void;
} {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    const result = await action(values);
    if (!result.ok) {
      setServerErrors(form, withoutPrefix(result.error, fieldPrefix));
      setOutcome({ ok: false, text: result.error.message });
      return;
    }
    const text = await onSuccess?.(result.data, values);
    if (text) setOutcome({ ok: true, text });
  });
  return { onSubmit, outcome, setOutcome };
}

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/lib/actions/action";

/** Puts a server action's field errors back on the form's fields (the same zod schema named them). */
export function setServerErrors<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
  error: ActionError,
): void {
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    form.setError(field as Path<T>, { message: messages[0] });
  }
}

// The look of the kit's button-like fields (the select, the date field), in a module of its own so a page with
// a date field and no select does not load the select's code for its classes.
import { cn } from "@/lib/utils";

/** A closed field: a button the size and frame of an input. */
export const fieldButtonClass = cn(
  "flex h-9 items-center justify-between gap-2 rounded-md border border-line bg-white px-3 text-left text-sm shadow-xs",
  "focus:border-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/30",
);

/** A field that may not be changed (a disabled fieldset reaches it too) looks it. */
export const disabledFieldClass =
  "disabled:cursor-not-allowed disabled:border-gray-200 disabled:bg-gray-100 disabled:text-gray-700 disabled:shadow-none";

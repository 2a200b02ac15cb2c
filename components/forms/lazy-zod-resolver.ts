// A react-hook-form resolver whose zod schema, and zod with it, download when the form first validates
// (on submit, or on the first change of an onChange form), not with the page: zod is most of a form page's
// JavaScript. The page draws and takes input before it arrives; validation waits for it once.
import type { FieldValues, Resolver } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";

export function lazyZodResolver<Input extends FieldValues, Output extends FieldValues>(
  load: () => Promise<$ZodType<Output, Input>>,
): Resolver<Input, unknown, Output> {
  let ready: Promise<Resolver<Input, unknown, Output>> | undefined;
  return async (values, context, options) => {
    ready ??= Promise.all([load(), import("./zod-resolver")])
      .then(([schema, { zodResolver }]) => zodResolver(schema) as Resolver<Input, unknown, Output>)
      .catch((error: unknown) => {
        ready = undefined; // a failed download is tried again on the next validation
        throw error;
      });
    return (await ready)(values, context, options);
  };
}

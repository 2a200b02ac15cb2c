"use client";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { ChoiceSelect, type SelectProps } from "./select";

/** A ChoiceSelect bound to a react-hook-form field. */
export function FormSelect<T extends FieldValues>({
  control,
  name,
  ...props
}: { control: Control<T>; name: FieldPath<T> } & Omit<SelectProps, "value" | "onValueChange">) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ChoiceSelect {...props} value={String(field.value ?? "")} onValueChange={field.onChange} />
      )}
    />
  );
}

"use client";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { DateField, type DateFieldProps } from "./date-field";

/** A DateField bound to a react-hook-form field holding YYYY-MM-DD ("" for none). */
export function FormDateField<T extends FieldValues>({
  control,
  name,
  ...props
}: { control: Control<T>; name: FieldPath<T> } & Omit<DateFieldProps, "value" | "onValueChange" | "name">) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <DateField {...props} value={String(field.value ?? "")} onValueChange={field.onChange} />}
    />
  );
}

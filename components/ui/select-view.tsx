"use client";
// The select's view (components/ui/select.tsx), Radix Select: its list is as wide as its longest choice rather
// than clipped to the trigger, it is searchable by typing, and it reads as a combobox with options.
import { Select as S } from "radix-ui";
import { Check, ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";
import { selectTriggerClass, type SelectProps } from "./select";

/** Radix keeps "" for "nothing chosen"; a choice meaning "none" ("Nobody", "Any campaign") travels as this. */
const NONE = "__none__";

/** Loaded after the page is up: components/ui/select.tsx draws a stand-in until then. */
export default function ChoiceSelectView({
  id,
  value,
  onValueChange,
  choices,
  placeholder,
  disabled,
  className,
  "aria-label": ariaLabel,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
}: SelectProps) {
  const encode = (v: string) => (v === "" ? NONE : v);
  const hasNone = choices.some((c) => c.value === "");
  return (
    <S.Root
      value={value === "" && !hasNone ? undefined : encode(value)}
      onValueChange={(v) => onValueChange(v === NONE ? "" : v)}
      disabled={disabled}
    >
      <S.Trigger
        id={id}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        className={cn(
          selectTriggerClass,
          "disabled:cursor-not-allowed disabled:border-gray-200 disabled:bg-gray-100 disabled:text-gray-700 disabled:shadow-none",
          className,
        )}
      >
        <span className="truncate">
          <S.Value placeholder={placeholder} />
        </span>
        <S.Icon>
          <ChevronDown className="size-4 shrink-0 text-gray-600" aria-hidden />
        </S.Icon>
      </S.Trigger>
      <S.Portal>
        <S.Content
          position="popper"
          sideOffset={4}
          className="z-50 max-h-[min(20rem,var(--radix-select-content-available-height))] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md border border-line bg-white shadow-lg"
        >
          <S.Viewport className="p-1">
            {choices.map((c) => (
              <S.Item
                key={c.value}
                value={encode(c.value)}
                className="relative flex cursor-default items-center rounded py-1.5 pr-2 pl-7 text-sm outline-none select-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-ink"
              >
                <S.ItemIndicator className="absolute left-2 inline-flex">
                  <Check className="size-4 text-brand-700" aria-hidden />
                </S.ItemIndicator>
                <S.ItemText>{c.label}</S.ItemText>
              </S.Item>
            ))}
          </S.Viewport>
        </S.Content>
      </S.Portal>
    </S.Root>
  );
}

"use client";
// The select's view (components/ui/select.tsx), Radix Select: its list is as wide as its longest choice rather
// than clipped to the trigger, it is searchable by typing, and it reads as a combobox with options.
import { Select as S } from "radix-ui";
import { Check, ChevronDown } from "lucide-react";
import { useState, type PointerEvent, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils";
import { disabledFieldClass } from "./field-button";
import { selectTriggerClass, SubmittedValue, type Choice, type SelectProps } from "./select";

/** Radix keeps "" for "nothing chosen"; a choice meaning "none" ("Nobody", "Any campaign") travels as this. */
const NONE = "__none__";

/** The choices in runs of one group (or of none), in their order: each run is listed under its heading. */
function runs(choices: Choice[]) {
  const out: { group?: string; choices: Choice[] }[] = [];
  for (const c of choices) {
    const last = out.at(-1);
    if (last && last.group === c.group) last.choices.push(c);
    else out.push({ group: c.group, choices: [c] });
  }
  return out;
}

/**
 * Radix opens the list on pointerdown, which the browser still sends to a button a disabled <fieldset> disables
 * (radix-ui/primitives#2417): such a select stays shut, as a native one would.
 */
const keepShutWhenDisabled = (event: PointerEvent<HTMLButtonElement> | KeyboardEvent<HTMLButtonElement>) => {
  if (event.currentTarget.matches(":disabled")) event.preventDefault();
};

/**
 * Loaded after the page is up: components/ui/select.tsx draws a stand-in until then.
 *
 * Radix draws every choice of a closed select too (out of sight, for its hidden native select), each with its own
 * state: a page of selects, such as the template builder with some 70 languages, spent hundreds of milliseconds
 * on a phone drawing lists nobody had opened. So until the select is first pointed at, focused or pressed, it
 * holds only the chosen choice (which the button shows); from then on every choice, so typing a letter on the
 * closed button still picks the next choice starting with it.
 */
export default function ChoiceSelectView({
  id,
  name,
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
  const [armed, setArmed] = useState(false);
  const arm = () => setArmed(true);
  const listed = armed ? choices : choices.filter((c) => c.value === value);
  const encode = (v: string) => (v === "" ? NONE : v);
  const hasNone = choices.some((c) => c.value === "");
  const item = (c: Choice) => (
    <S.Item
      key={c.value}
      value={encode(c.value)}
      className="relative flex cursor-default items-center rounded py-1.5 pr-2 pl-7 text-sm outline-none select-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-ink"
    >
      <S.ItemIndicator className="absolute left-2 inline-flex">
        <Check className="size-4 text-brand-700" aria-hidden />
      </S.ItemIndicator>
      {/* The inner span travels to the button when chosen, its language with it. */}
      <S.ItemText>
        <span lang={c.lang}>{c.label}</span>
      </S.ItemText>
    </S.Item>
  );
  return (
    <>
      {/* "" stays controlled (Radix shows the placeholder for it), so a choice the parent does not keep, or a
          form reset, shows again what the parent holds. */}
      <S.Root
        value={hasNone ? encode(value) : value}
        onValueChange={(v) => onValueChange(v === NONE ? "" : v)}
        disabled={disabled}
      >
        <S.Trigger
          id={id}
          aria-label={ariaLabel}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onPointerEnter={arm}
          onFocus={arm}
          onPointerDown={(event) => {
            arm();
            keepShutWhenDisabled(event);
          }}
          onKeyDown={keepShutWhenDisabled}
          className={cn(selectTriggerClass, disabledFieldClass, className)}
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
              {runs(listed).map((run, i) =>
                run.group === undefined ? (
                  run.choices.map(item)
                ) : (
                  <S.Group key={`${i}-${run.group}`}>
                    <S.Label className="px-2 pt-2 pb-1 text-xs font-semibold text-muted">{run.group}</S.Label>
                    {run.choices.map(item)}
                  </S.Group>
                ),
              )}
            </S.Viewport>
          </S.Content>
        </S.Portal>
      </S.Root>
      <SubmittedValue name={name} value={value} disabled={disabled} />
    </>
  );
}

"use client";
// The builder's fields for the two marketing formats beyond a plain message: a limited-time offer's headline
// and countdown, and a media-card carousel's cards (each its own file, text and buttons, all of one shape).
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { placeholders } from "@/lib/templates/rules";
import { CARD_BUTTON_KINDS, LIMITS } from "@/lib/templates/limits";
import type { TemplateInput } from "@/lib/templates/schemas";
import { cardLike } from "@/lib/templates/cards";
import { Counter, MediaPicker, useFieldError, useItemFieldError } from "./builder-fields";
import { ButtonEditor } from "./button-editor";

export function OfferFields() {
  const { register } = useFormContext<TemplateInput>();
  const offer = useWatch<TemplateInput, "offer">({ name: "offer" });
  const error = useFieldError();
  const t = useTranslations("templates.format");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t("offer")}</legend>
      <div>
        <div className="flex items-end justify-between">
          <Label htmlFor="offer-text">{t("offerText")}</Label>
          <Counter id="offer-text-count" value={offer.text} limit={LIMITS.offerText} />
        </div>
        <Input
          id="offer-text"
          aria-describedby="offer-text-count offer-text-error"
          aria-invalid={Boolean(error("offer.text"))}
          {...register("offer.text")}
        />
        <FieldError id="offer-text-error" message={error("offer.text")} />
      </div>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" aria-describedby="offer-expires-help" {...register("offer.expires")} />
        {t("offerExpires")}
      </label>
      <p id="offer-expires-help" className="text-xs text-muted">
        {t("offerExpiresHelp")}
      </p>
    </fieldset>
  );
}

/** `trackedLinkBase`: Parley's tracked redirect, so that a card's link can count clicks (lib/campaigns/links.ts). */
export function CardFields({ trackedLinkBase }: { trackedLinkBase?: string }) {
  const { control, register, setValue, getValues } = useFormContext<TemplateInput>();
  const { fields, append, remove } = useFieldArray({ control, name: "cards" });
  const cards = useWatch<TemplateInput, "cards">({ name: "cards" });
  const media = useWatch<TemplateInput, "cardMedia">({ name: "cardMedia" });
  const error = useFieldError();
  const itemError = useItemFieldError();
  const t = useTranslations("templates.format");
  const tf = useTranslations("templates.fields");
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold">
        {t("cards", { count: cards.length, min: LIMITS.minCards, max: LIMITS.cards })}
      </legend>
      <div>
        <Label htmlFor="card-media">{t("cardMedia")}</Label>
        <ChoiceSelect
          id="card-media"
          value={media}
          onValueChange={(v) => {
            // A change of kind empties every card's file: an image is no sample for a video carousel.
            setValue("cardMedia", v as TemplateInput["cardMedia"]);
            getValues("cards").forEach((_, i) => setValue(`cards.${i}.mediaAssetId`, "", { shouldValidate: true }));
          }}
          choices={[
            { value: "IMAGE", label: tf("headerImage") },
            { value: "VIDEO", label: tf("headerVideo") },
          ]}
        />
      </div>
      <FieldError id="cards-error" message={error("cards")} />
      <ol className="space-y-4">
        {fields.map((field, i) => {
          const card = cards[i];
          if (!card) return null;
          const id = (part: string) => `card-${i}-${part}`;
          const variables = [...new Set(placeholders(card.body))];
          return (
            <li key={field.id} className="space-y-3 rounded-md border border-line p-3">
              <div className="flex items-center justify-between">
                <h3 className="text-sm font-semibold">{t("card", { number: i + 1 })}</h3>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  disabled={cards.length <= LIMITS.minCards}
                  onClick={() => remove(i)}
                  aria-label={t("removeCard", { number: i + 1 })}
                >
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
              <div>
                <MediaPicker
                  kind={media}
                  value={card.mediaAssetId}
                  onChange={(mediaAssetId) =>
                    setValue(`cards.${i}.mediaAssetId`, mediaAssetId, { shouldValidate: true })
                  }
                />
                <FieldError id={id("media-error")} message={itemError(`cards.${i}.mediaAssetId`)} />
              </div>
              <div>
                <div className="flex items-end justify-between">
                  <Label htmlFor={id("body")}>{t("cardText", { number: i + 1 })}</Label>
                  <Counter id={id("body-count")} value={card.body} limit={LIMITS.cardBody} />
                </div>
                <textarea
                  id={id("body")}
                  rows={2}
                  className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-600 aria-invalid:border-red-500"
                  aria-describedby={`${id("body-count")} ${id("body-error")}`}
                  aria-invalid={Boolean(itemError(`cards.${i}.body`))}
                  {...register(`cards.${i}.body`)}
                />
                <FieldError id={id("body-error")} message={itemError(`cards.${i}.body`)} />
              </div>
              {variables.map((v) => (
                <div key={v}>
                  <Label htmlFor={id(`sample-${v}`)}>{tf("sampleFor", { placeholder: `{{${v}}}` })}</Label>
                  <Input
                    id={id(`sample-${v}`)}
                    value={card.samples[v] ?? ""}
                    aria-describedby={id(`sample-${v}-error`)}
                    onChange={(e) =>
                      setValue(
                        `cards.${i}.samples`,
                        { ...getValues(`cards.${i}.samples`), [v]: e.target.value },
                        { shouldValidate: true },
                      )
                    }
                  />
                  <FieldError id={id(`sample-${v}-error`)} message={itemError(`cards.${i}.samples.${v}`)} />
                </div>
              ))}
              <ButtonEditor
                name={`cards.${i}.buttons`}
                kinds={CARD_BUTTON_KINDS}
                max={LIMITS.cardButtons}
                trackedLinkBase={trackedLinkBase}
              />
            </li>
          );
        })}
      </ol>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        disabled={cards.length >= LIMITS.cards}
        onClick={() => append(cardLike(getValues("cards.0"), trackedLinkBase ? `${trackedLinkBase}{{1}}` : undefined))}
      >
        <Plus className="size-4" aria-hidden /> {t("addCard")}
      </Button>
    </fieldset>
  );
}

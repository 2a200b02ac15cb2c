import { useTranslations } from "next-intl";
import { WhatsAppText } from "@/components/templates/phone-preview";
import { useLanguageName } from "@/components/templates/use-language-name";
import { FileText, Video } from "lucide-react";
import { Card } from "@/components/ui/card";
import { mediaUrl } from "@/lib/media/urls";
import type { recipientPreviews } from "@/lib/campaigns/queries";

type Previews = Awaited<ReturnType<typeof recipientPreviews>>;

/** The message as three real recipients will read it, with their values filled in. */
export function MessagePreviews({ previews }: { previews: Previews }) {
  const t = useTranslations("campaigns.previews");
  const languageName = useLanguageName();
  return (
    <section aria-labelledby="previews-title" className="space-y-3">
      <h2 id="previews-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {previews.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-3">
          {previews.map(({ contact, language, headerMedia, message }) => (
            <Card key={contact.id} className="bg-[#efeae2] p-3">
              <p className="mb-2 text-xs text-gray-700">
                {t("to", {
                  name: contact.name ?? contact.phone,
                  phone: contact.phone,
                  language: languageName(language),
                })}
              </p>
              <div className="rounded-lg rounded-tl-none bg-white p-2 text-sm whitespace-pre-wrap text-gray-900 shadow-sm">
                {headerMedia && <HeaderMedia media={headerMedia} />}
                {message.header && <p className="font-semibold">{message.header}</p>}
                <p>
                  <WhatsAppText text={message.body} />
                </p>
                {message.footer && <p className="mt-1 text-xs text-gray-500">{message.footer}</p>}
              </div>
              <Buttons buttons={message.buttons} />
              {message.cards.length > 0 && (
                <ol aria-label={t("cards")} className="mt-2 flex gap-2 overflow-x-auto pb-1">
                  {message.cards.map((card, i) => (
                    <li key={i} className="w-40 shrink-0 rounded-lg bg-white p-2 text-xs text-gray-900 shadow-sm">
                      <p className="font-medium">{t("card", { number: i + 1 })}</p>
                      {card.body && <WhatsAppText text={card.body} />}
                      <Buttons buttons={card.buttons} />
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}

function Buttons({ buttons }: { buttons: Previews[number]["message"]["buttons"] }) {
  return buttons.map((b, i) => (
    <p
      key={i}
      className="mt-1 rounded-lg bg-white p-1.5 text-center text-sm text-sky-700 shadow-sm"
      title={b.url ?? undefined}
    >
      {b.text}
      {b.url && <span className="block truncate text-xs text-gray-500">{b.url}</span>}
    </p>
  ));
}

/** The header's image as the recipient sees it, or the kind and name of its video or document. */
function HeaderMedia({ media }: { media: NonNullable<Previews[number]["headerMedia"]> }) {
  const t = useTranslations("campaigns.previews");
  if (!media.id)
    return <p className="mb-1 rounded-md bg-gray-100 p-3 text-center text-xs text-gray-700">{t("noHeaderMedia")}</p>;
  if (media.kind === "IMAGE")
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated thumbnail
      <img
        src={mediaUrl(media.id, true)}
        alt={t("headerImage")}
        className="mb-1 max-h-40 w-full rounded-md object-cover"
      />
    );
  const Icon = media.kind === "VIDEO" ? Video : FileText;
  return (
    <p className="mb-1 flex items-center gap-2 rounded-md bg-gray-100 p-3 text-xs text-gray-700">
      <Icon className="size-5 shrink-0" aria-hidden />
      {t("headerMedia", { kind: media.kind, name: media.fileName ?? "" })}
    </p>
  );
}

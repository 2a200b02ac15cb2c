"use client";
// Delete a segment: the button is drawn with the page, inert until the dialog that asks first (Radix Dialog),
// loaded after the page is up, is there (components/ui/deferred.tsx).
import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

export type DeleteSegmentButtonProps = { id: string; name: string };

export function DeleteSegmentTrigger(props: ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("audiences.segments.delete");
  return (
    <Button variant="secondary" {...props}>
      <Trash2 className="size-4" aria-hidden /> {t("button")}
    </Button>
  );
}

export const DeleteSegmentButton = deferred(
  () => import("./delete-segment-button-view"),
  () => <DeleteSegmentTrigger disabled />,
);

"use client";
import { useTranslations } from "next-intl";
// Phones have no room for the sidebar: a menu button in the top bar opens the same navigation in a drawer.
import { useEffect, useState } from "react";
import { Sheet, SheetContent, SheetTrigger } from "@/components/ui/sheet";
import type { NavItem } from "@/lib/auth/permissions";
import { MobileNavButton } from "./mobile-nav-button";
import { Brand, NavLinks } from "./sidebar";

/** Tailwind's `md`, where the sidebar takes over. */
const WIDE = "(min-width: 768px)";

/** The drawer (loaded after the page is up: components/shell/mobile-nav.tsx). */
export default function MobileNavDrawer({ navigation }: { navigation: NavItem[] }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  // A window widened past the breakpoint shows the sidebar; a drawer left open would trap focus for nothing.
  useEffect(() => {
    const query = window.matchMedia(WIDE);
    const close = () => query.matches && setOpen(false);
    query.addEventListener("change", close);
    return () => query.removeEventListener("change", close);
  }, []);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      {/* Dialog.Trigger gives the button aria-haspopup, aria-expanded and aria-controls. */}
      <SheetTrigger asChild>
        <MobileNavButton />
      </SheetTrigger>
      <SheetContent
        title={
          <>
            <Brand />
            <span className="sr-only"> {t("drawerTitle")}</span>
          </>
        }
      >
        <NavLinks navigation={navigation} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}

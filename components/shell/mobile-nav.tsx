"use client";
import { deferred } from "@/components/ui/deferred";
import type { NavItem } from "@/lib/auth/permissions";
import { MobileNavButton } from "./mobile-nav-button";

/** Phones' navigation: the menu button is drawn with the page, the drawer's code loads after it. */
export const MobileNav = deferred(
  () => import("./mobile-nav-drawer"),
  (_: { navigation: NavItem[] }) => <MobileNavButton disabled />,
);

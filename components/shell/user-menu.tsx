"use client";
import { deferred } from "@/components/ui/deferred";
import { UserMenuButton, type UserMenuProps } from "./user-menu-button";

/** The account menu in the top bar: its button is drawn with the page, the menu's code loads after it. */
export const UserMenu = deferred(
  () => import("./user-menu-dropdown"),
  (props: UserMenuProps) => <UserMenuButton {...props} disabled />,
);

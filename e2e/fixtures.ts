import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/seed/demo-users";
import type { Role } from "../lib/db/generated/enums";

export { expect };

export function demoUser(role: Role) {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`No demo user for ${role}`);
  return user;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAs(page: Page, role: Role) {
  const user = demoUser(role);
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("button", { name: `Account menu for ${user.name}` })).toBeVisible();
}

export const test = base;

import { getRequestConfig } from "next-intl/server";
import { defaultLocale } from "./config";
import { loadMessages } from "./catalog";

// next-intl reads this once per request (React cache) for Server Components, actions and the client provider.
export default getRequestConfig(async () => {
  const locale = defaultLocale;
  return { locale, timeZone: "UTC", messages: await loadMessages(locale) };
});

// Tailwind CSS 4 reads its theme from app/globals.css (@theme); this file is loaded there with @config
// for the settings that still live in JavaScript.
import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
} satisfies Config;

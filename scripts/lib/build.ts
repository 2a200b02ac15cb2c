// Whether the production build (.next) is newer than every source it was built from.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { root } from "./schema-engine.ts";

/** The newest modification time below a folder (the generated client and build output excluded). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = ["app", "components", "lib", "public", "prisma", "proxy.ts", "next.config.mjs", "package-lock.json"];
  const newest = Math.max(
    ...sources
      .map((s) => path.join(root, s))
      .filter(existsSync)
      .map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  return newest < statSync(buildId).mtimeMs;
}

// Where the project is on disk: the nearest folder above this module that holds a package.json. Found by
// walking up rather than by a fixed "../..", so the same code works from scripts/lib/ (run by tsx) and from
// dist/ (the bundled production entry points, one folder below the project or the image's /app).
import { existsSync } from "node:fs";
import path from "node:path";

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}: cannot tell where Parley is.`);
  }
}

export const root = projectRoot(import.meta.dirname);

// Points lib/env at the throwaway database before any lib module reads it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.PARLEY_DATA_DIR = inject("dataDir");

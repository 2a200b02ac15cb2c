// The one reader of process.env: parses it with zod at start-up. In development and tests the secrets
// are generated once into .data/secrets.json; in production a missing secret stops the start.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseProxyList } from "./client-ip";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// connection string" }).optional(),
  APP_URL: z
    .url({ message: "APP_URL must be the dashboard's public URL, e.g. https://parley.example.com" })
    .default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "ENCRYPTION_KEY must be 64 hex characters (32 bytes)")
    .optional(),
  PARLEY_DATA_DIR: z.string().default(".data"),
  PARLEY_WORKER_ID: z.string().optional(),
  /** A message claimed this long ago with no word from Meta goes back to the queue (its worker died). */
  PARLEY_RECLAIM_SECONDS: z.coerce.number().int().positive().default(300),
  /**
   * A worker's leases (its liveness, a sender number it paces, a job it runs) last this long unrenewed: the
   * time before another worker takes over from one that died. Renewed every third of it.
   */
  PARLEY_LEASE_SECONDS: z.coerce.number().int().min(3).default(30),
  /** Public API calls each key may make a second (429 with Retry-After beyond). */
  PARLEY_API_RATE_PER_SECOND: z.coerce.number().int().positive().default(100),
  /**
   * Outbound webhooks (Settings → Webhooks) go only to https URLs on public addresses. "1" also allows plain
   * http and private, loopback and link-local targets: for development, tests and closed networks only.
   */
  PARLEY_WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  /** Host names (comma-separated) that webhooks may reach over http or on a private address, e.g. "hooks.internal". */
  PARLEY_WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ""),
        )
        .filter(Boolean),
    ),
  /** Set by `npm start` when it runs the embedded PostgreSQL: secrets may then live in the data folder. */
  PARLEY_EMBEDDED: z.enum(["0", "1"]).default("0"),
  /** Lines below this level are not written ("silent": none). */
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  /** An OTLP/HTTP collector (e.g. http://otel-collector:4318): traces are exported there. Unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, message: "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL" })
    .optional(),
  /** The service name traces carry (the worker adds "-worker"). */
  OTEL_SERVICE_NAME: z.string().min(1).default("parley"),
  /** The bearer token Prometheus presents at GET /api/metrics (and the worker's metrics port). Unset: no metrics. */
  PARLEY_METRICS_TOKEN: z
    .string()
    .min(16, "PARLEY_METRICS_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 24`)")
    .optional(),
  /** The port a worker serves its own metrics on (what it counts: sends, Cloud API errors). Unset: none. */
  PARLEY_WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /**
   * API base URLs an admin may point a WhatsApp connection at besides Meta's own (https://graph.facebook.com/vNN.N),
   * comma-separated: a company proxy or a test double. Empty: Meta's only.
   */
  PARLEY_GRAPH_API_BASES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.url({ protocol: /^https?$/, message: "PARLEY_GRAPH_API_BASES: each entry must be an http(s) URL" })),
    ),
  /**
   * Proxies in front of Parley (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is
   * believed. Empty: the header is ignored and the client is the connection's own address.
   */
  PARLEY_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list, ctx) => {
      const parsed = parseProxyList(list);
      if (parsed.ok) return parsed.proxies;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof schema> & { DATABASE_URL: string; AUTH_SECRET: string; ENCRYPTION_KEY: string };

const REQUIRED_IN_PRODUCTION = ["DATABASE_URL", "AUTH_SECRET", "ENCRYPTION_KEY"] as const;

/** Secrets for the embedded mode, made once and kept with its data so sessions survive a restart. */
function localSecrets(dataDir: string): { AUTH_SECRET: string; ENCRYPTION_KEY: string } {
  const file = path.resolve(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && env.PARLEY_EMBEDDED !== "1") {
    const missing = REQUIRED_IN_PRODUCTION.filter((key) => !env[key]);
    if (missing.length)
      throw new Error(`Missing required environment variable(s) in production: ${missing.join(", ")}`);
  }
  const fallback = env.AUTH_SECRET && env.ENCRYPTION_KEY ? undefined : localSecrets(env.PARLEY_DATA_DIR);
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Run `npm start`, which starts the embedded PostgreSQL and sets it.");
  }
  return {
    ...env,
    DATABASE_URL: env.DATABASE_URL,
    AUTH_SECRET: env.AUTH_SECRET ?? fallback!.AUTH_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? fallback!.ENCRYPTION_KEY,
  };
}

const observability = schema.pick({
  LOG_LEVEL: true,
  OTEL_EXPORTER_OTLP_ENDPOINT: true,
  OTEL_SERVICE_NAME: true,
  PARLEY_METRICS_TOKEN: true,
  PARLEY_WORKER_METRICS_PORT: true,
});

/**
 * The logging, tracing and metrics settings alone: read before anything else (the logger is made at import,
 * tracing starts before the app), where `env()` would demand a database the build or a unit test lacks.
 */
export function observabilityEnv(
  source: Record<string, string | undefined> = process.env,
): z.infer<typeof observability> {
  const result = observability.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The parsed environment (parsed on first use, so `next build` needs no database). */
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth reads its public URL from NEXTAUTH_URL; Parley has one name for it, APP_URL.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
  }
  return cached;
}

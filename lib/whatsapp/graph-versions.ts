// Meta's Graph API versions Parley knows, with the day each stops working, and where an account's version
// stands (fine, ending soon, ended). One table: the settings page, the connection form, the sandbox and the
// client's address all read it. Dates from Meta's changelog, "Available Graph API versions"
// (developers.facebook.com/docs/graph-api/changelog/versions): a version ends on its "Available until" day.

export type GraphVersion = {
  id: `v${number}.${number}`;
  released: string;
  /** The calendar day (UTC) the version stops answering; null while Meta has not said. */
  endsOn: string | null;
};

/** Newest first. Add a row when Meta releases a version, and its end date when Meta announces it. */
export const GRAPH_VERSIONS = [
  { id: "v26.0", released: "2026-07-29", endsOn: null },
  { id: "v25.0", released: "2026-02-18", endsOn: "2028-07-29" },
  { id: "v24.0", released: "2025-10-08", endsOn: "2028-02-18" },
  { id: "v23.0", released: "2025-05-29", endsOn: "2027-10-08" },
  { id: "v22.0", released: "2025-01-21", endsOn: "2027-05-20" },
  { id: "v21.0", released: "2024-10-02", endsOn: "2027-01-21" },
  { id: "v20.0", released: "2024-05-21", endsOn: "2026-09-24" },
] as const satisfies readonly GraphVersion[];

export type GraphVersionId = (typeof GRAPH_VERSIONS)[number]["id"];
export const GRAPH_VERSION_IDS = GRAPH_VERSIONS.map((v) => v.id) as [GraphVersionId, ...GraphVersionId[]];

/**
 * A new connection's version: current, with a published end date, and the shape Parley's webhook parsing
 * expects (v25 adds `from_user_id` and `contacts[].user_id`).
 */
export const DEFAULT_GRAPH_API_VERSION: GraphVersionId = "v25.0";

/** How long before its end the settings page starts to warn about a version. */
export const WARN_DAYS_BEFORE_END = 90;

const DAY_MS = 86_400_000;

export const graphVersion = (id: string | null | undefined): GraphVersion | null =>
  GRAPH_VERSIONS.find((v) => v.id === id) ?? null;

export type VersionStanding =
  | { state: "current"; endsOn: string | null }
  | { state: "ending"; endsOn: string; daysLeft: number }
  | { state: "ended"; endsOn: string }
  | { state: "unknown" };

/** Where a version stands on `now`: ending from 90 days before its end day, ended from that day on. */
export function versionStanding(id: string | null | undefined, now: Date): VersionStanding {
  const version = graphVersion(id);
  if (!version) return { state: "unknown" };
  if (!version.endsOn) return { state: "current", endsOn: null };
  const daysLeft = Math.ceil((Date.parse(`${version.endsOn}T00:00:00Z`) - now.getTime()) / DAY_MS);
  if (daysLeft <= 0) return { state: "ended", endsOn: version.endsOn };
  if (daysLeft <= WARN_DAYS_BEFORE_END) return { state: "ending", endsOn: version.endsOn, daysLeft };
  return { state: "current", endsOn: version.endsOn };
}

/** The versions an admin may pick on `now`: every known one that has not ended. */
export const selectableVersions = (now: Date) =>
  GRAPH_VERSIONS.filter((v) => versionStanding(v.id, now).state !== "ended");

const VERSION_SUFFIX = /\/(v\d{1,2}\.\d{1,2})\/*$/;

/**
 * An account's address split in two: the host part (what the admin enters, and where the token may go)
 * and the version. Connections saved before the version had its own column carry it at the end of the
 * address ("https://graph.facebook.com/v23.0"): it is read from there, so they keep working unchanged.
 */
export function splitGraphApiBase(base: string): { host: string; version: string | null } {
  const trimmed = base.trim().replace(/\/+$/, "");
  const match = VERSION_SUFFIX.exec(trimmed);
  return match ? { host: trimmed.slice(0, match.index), version: match[1]! } : { host: trimmed, version: null };
}

/** The version an account's requests use: its own column, else the one in its address, else the default. */
export function accountVersion(account: { graphApiBase: string; graphApiVersion: string | null }): string {
  return account.graphApiVersion ?? splitGraphApiBase(account.graphApiBase).version ?? DEFAULT_GRAPH_API_VERSION;
}

/** The base URL the client calls: host and version. */
export function graphApiUrl(account: { graphApiBase: string; graphApiVersion: string | null }): string {
  return `${splitGraphApiBase(account.graphApiBase).host}/${accountVersion(account)}`;
}

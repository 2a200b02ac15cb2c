// Benchmarks print one plain table each, so results can be pasted into a note as they are.
export type Row = Record<string, string | number>;

export async function printTable(title: string, rows: Row[]) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  console.log(`\n${title}\n`);
  console.log(line(columns.map((c) => c.padEnd(width(c)))));
  console.log(line(columns.map((c) => "-".repeat(width(c)))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c] ?? "").padStart(width(c)))));
  console.log(`\nmachine: ${(await import("node:os")).cpus().length} cores, node ${process.version}`);
}

/** The p-th percentile of sorted numbers (nearest rank). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

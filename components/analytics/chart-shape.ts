// Which drawing suits a series over time: nothing to draw yet says so, a handful of points are bars (a line
// through two points is a misleading diagonal, through one point it is invisible), more are a line.
type ChartShape = "empty" | "bars" | "line";

/** Below this many points a time series is drawn as bars. */
export const FEW_POINTS = 8;

export function chartShape(points: number): ChartShape {
  if (points <= 0) return "empty";
  return points < FEW_POINTS ? "bars" : "line";
}

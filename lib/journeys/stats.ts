// Whether two split paths convert differently: a two-proportion z-test at 95 % (two-sided), the test the
// journey report applies to each path against the first. Too few people (under 5 conversions or
// non-conversions in either path) is "not yet": the normal approximation does not hold there.
export type Arm = { entered: number; converted: number };

export type Significance = { z: number; significant: boolean; enough: boolean };

export function significance(a: Arm, b: Arm): Significance {
  const enough = [a, b].every((arm) => arm.converted >= 5 && arm.entered - arm.converted >= 5);
  const pooled = (a.converted + b.converted) / (a.entered + b.entered || 1);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / (a.entered || 1) + 1 / (b.entered || 1)));
  const z = se === 0 ? 0 : (b.converted / (b.entered || 1) - a.converted / (a.entered || 1)) / se;
  return { z, significant: enough && Math.abs(z) >= 1.96, enough };
}

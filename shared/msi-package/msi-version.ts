// ProductVersion comparison as Windows Installer does it: only major.minor.build count (the fourth field is ignored).

export function compareMsiVersions(a: string, b: string): number {
  const parts = (v: string): number[] =>
    v
      .split('.')
      .slice(0, 3)
      .map((x) => Number.parseInt(x, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

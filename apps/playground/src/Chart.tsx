/** Bars of one counter per 1,000 guest instructions, one bar per lane (uPlot). */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartSeries {
  readonly counter: string;
  /** One value per lane (per 1,000 units of guest work), null where a lane does not report it. */
  readonly values: readonly (number | null)[];
}

const COLORS = ["#2f6fdf", "#e07b00", "#1a9a5a", "#b03aa0", "#c0392b", "#7f8c8d"];

export function ComparisonChart({ lanes, series }: { lanes: readonly string[]; series: readonly ChartSeries[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || series.length === 0) return;
    // Grouped bars: counter k's bar for lane l sits at x = k * (lanes + 1) + l; other lanes'
    // series are null there, so uPlot draws them side by side.
    const group = lanes.length + 1;
    const xs = Array.from({ length: series.length * group }, (_, i) => i);
    const bars = uPlot.paths.bars?.({ size: [0.9, 40], align: 0 });
    const data: uPlot.AlignedData = [
      xs,
      ...lanes.map((_, li) => xs.map((x) => (x % group === li ? (series[Math.floor(x / group)]?.values[li] ?? null) : null))),
    ];
    const centre = (k: number) => k * group + (lanes.length - 1) / 2;
    const plot = new uPlot(
      {
        width: Math.min(900, host.current.clientWidth || 900),
        height: 260,
        scales: { x: { time: false, range: [-1, xs.length - 1] }, y: { distr: 3 } },
        axes: [
          {
            splits: () => series.map((_, k) => centre(k)),
            values: (_u, ticks) => ticks.map((t) => series[Math.round((t - (lanes.length - 1) / 2) / group)]?.counter ?? ""),
            size: 40,
          },
          { label: "per 1,000 guest instructions (log)", size: 70 },
        ],
        series: [
          {},
          ...lanes.map((l, i) => ({
            label: l,
            fill: COLORS[i % COLORS.length] ?? "#333",
            stroke: COLORS[i % COLORS.length] ?? "#333",
            ...(bars ? { paths: bars } : {}),
            points: { show: false },
            spanGaps: false,
          })),
        ],
      },
      data,
      host.current,
    );
    return () => plot.destroy();
  }, [lanes, series]);
  return <div className="chart" ref={host} data-testid="comparison-chart" />;
}

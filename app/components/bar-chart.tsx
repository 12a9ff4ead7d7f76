// A bar chart drawn by uPlot, loaded only when a page shows one: the library is
// imported dynamically in an effect, so esbuild puts it in a chunk of its own that
// only the dashboard fetches, after the page is up (ADR 015 keeps other pages light).
// The figures are always in a <table> too (the `children`), open until the chart is
// drawn and openable after: without JavaScript, or for a screen reader, the table is
// the chart. Bars are whole counts (pieces, workers, per mille); no amount of money is
// ever a number here: labels arrive as formatted strings.
import { useEffect, useRef, useState, type ReactNode } from "react";

export type BarSeries = { label: string; values: number[]; color: string };

export type BarChartProps = {
  /** One label per bar group (x axis). */
  labels: string[];
  series: BarSeries[];
  /** The y axis: plain counts, or per mille shown as percent. */
  yKind?: "count" | "permille";
  /** Accessible name of the chart; the table holds the figures. */
  title: string;
  tableSummary: string;
  /** The same figures as a table. */
  children: ReactNode;
};

const HEIGHT = 240;

function tickLabel(kind: "count" | "permille", v: number): string {
  return kind === "permille" ? `${Math.round(v / 10)}%` : String(v);
}

export function BarChart({ labels, series, yKind = "count", title, tableSummary, children }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const key = JSON.stringify([labels, series, yKind]);

  useEffect(() => {
    let chart: { destroy(): void; setSize(size: { width: number; height: number }): void } | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import("uplot").then(({ default: uPlot }) => {
      const el = box.current;
      if (cancelled || !el) return;
      const n = series.length;
      const width = Math.max(el.clientWidth, 200);
      // Show every label that fits: estimated from the longest (a CJK character is about twice as wide).
      const longest = Math.max(
        ...labels.map((l) => [...l].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 12 : 7), 0)),
      );
      const every = Math.max(1, Math.ceil((labels.length * (longest + 10)) / (width - 50)));
      chart = new uPlot(
        {
          width,
          height: HEIGHT,
          legend: { show: n > 1, live: false },
          cursor: { show: false },
          scales: {
            x: { time: false, range: [-0.5, labels.length - 0.5] },
            y: { range: yKind === "permille" ? [0, 1000] : (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
          },
          axes: [
            {
              values: (_u, splits) =>
                splits.map((s) => (Number.isInteger(s) && s % every === 0 ? (labels[s] ?? "") : "")),
              splits: () => labels.map((_, i) => i),
              gap: 4,
              size: 36,
            },
            {
              values: (_u, splits) => splits.map((v) => tickLabel(yKind, v)),
              // Wide enough for the longest label (a district's pay in yuan has 6 or 7 digits).
              size: (_u, values) => Math.max(52, 16 + 8 * Math.max(0, ...(values ?? []).map((v) => String(v).length))),
            },
          ],
          series: [
            {},
            ...series.map((s, i) => ({
              label: s.label,
              fill: s.color,
              stroke: s.color,
              width: 0,
              points: { show: false },
              // Two series side by side: the first left of its label, the second right of it.
              paths: uPlot.paths.bars!(n === 1 ? { size: [0.7, 64] } : { size: [0.4, 32], align: i === 0 ? -1 : 1 }),
            })),
          ],
        },
        [labels.map((_, i) => i), ...series.map((s) => s.values)],
        el,
      );
      setDrawn(true);
      observer = new ResizeObserver(() => chart?.setSize({ width: Math.max(el.clientWidth, 200), height: HEIGHT }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
    };
    // The figures are compared by value (key): a new array with the same numbers draws nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <figure className="chart">
      <div ref={box} className="chart-canvas" {...(drawn ? { role: "img", "aria-label": title } : {})} />
      <details className="chart-table" open={!drawn}>
        <summary>{tableSummary}</summary>
        {children}
      </details>
    </figure>
  );
}

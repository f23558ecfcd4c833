import uPlot from 'uplot';
import { alignSeries, countPoints, stack } from '../../core/metrics/series';
import { formatValue } from '../../core/metrics/units';
import { axisTitle, formatDateTime, timeTicks, type TimeTicks } from '../../core/time/zone';
import type { ChartWidgetView, LineView, TimeMarkView } from '../protocol';
import { lineMeaning } from '../../core/metrics/lineMeaning';
import { mixColors, withAlpha, type Palette } from './theme';
import { pageZone } from './zone';

export interface DrawnChart {
  readonly points: number;
  /** The time axis's ticks as last drawn: a timeline under the chart uses the same ones. */
  ticks(): TimeTicks;
  /** PNG of the chart with its title and legend, as a data: URL. */
  png(title: string): string;
  destroy(): void;
}

export interface DrawReport {
  readonly series: number;
  readonly points: number;
  readonly ms: number;
}

/** Least room for one time label on the axis, in CSS pixels. */
const TICK_SPACE = 100;

/** How many time ticks fit `width` CSS pixels: the chart's axis and a timeline of the same width agree. */
export function tickCount(width: number): number {
  return Math.max(2, Math.floor(width / TICK_SPACE));
}

/** The y range: the data, the lines that must stay visible, the axis limits the widget sets. */
function yRange(dataMin: number | null, dataMax: number | null, lines: readonly LineView[], min?: number, max?: number, fromZero = false): [number, number] {
  const values = [dataMin, dataMax, ...lines.flatMap((l) => (l.to === undefined ? [l.value] : [l.value, l.to])), ...(fromZero ? [0] : [])].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  const span = hi - lo || Math.abs(hi) || 1;
  const padded = lo - span * 0.05;
  lo = lo >= 0 && padded < 0 ? 0 : padded;
  hi = hi + span * 0.08;
  if (min !== undefined) lo = min;
  if (max !== undefined) hi = max;
  if (hi <= lo) hi = lo + 1;
  return [lo, hi];
}

/**
 * How series beyond the theme's six chart colours stay apart: each further round of six takes the
 * colours shaded towards the foreground or the background, and a line pattern (with the legend
 * marker's border drawn to match).
 */
const ROUNDS: readonly { readonly towards: 'foreground' | 'background' | undefined; readonly amount: number; readonly dash: number[]; readonly border: string }[] = [
  { towards: undefined, amount: 0, dash: [], border: 'solid' },
  { towards: 'foreground', amount: 0.4, dash: [6, 3], border: 'dashed' },
  { towards: 'background', amount: 0.45, dash: [1.5, 2.5], border: 'dotted' },
  { towards: 'foreground', amount: 0.65, dash: [9, 3, 2, 3], border: 'double' },
];

function roundOf(palette: Palette, index: number, own?: string): (typeof ROUNDS)[number] {
  return own ? ROUNDS[0] : ROUNDS[Math.floor(index / palette.series.length) % ROUNDS.length];
}

function seriesColor(palette: Palette, index: number, own?: string): string {
  if (own) return own;
  const base = palette.series[index % palette.series.length];
  const round = roundOf(palette, index);
  return round.towards ? mixColors(base, palette[round.towards], round.amount) : base;
}

/** A line's or mark's colour: its own, else the theme's colour for what its kind and label mean. */
function meaningColor(palette: Palette, kind: 'threshold' | 'annotation', label: string, own?: string): string {
  if (own) return own;
  const meaning = lineMeaning(kind, label);
  return meaning === 'neutral' ? palette.muted : palette[meaning];
}

type Rect = { x: number; y: number; w: number; h: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Tick steps for an axis whose values are all whole numbers (counts): no "2.2 tasks". */
const WHOLE_STEPS: number[] = Array.from({ length: 16 }, (_, e) => [1, 2, 5].map((m) => m * 10 ** e)).flat();

/** Room between horizontal grid lines: at least 36 px, about eight lines on a tall chart. */
const Y_SPACE = (_u: uPlot, _axis: number, _min: number, _max: number, plotDim: number): number => Math.max(36, Math.round(plotDim / 8));

/** The colour the chart is drawn on: the first opaque background from `el` up. */
function backgroundBehind(el: HTMLElement | null, fallback: string): string {
  for (let node = el; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return fallback;
}

/** Index of the newest value of an aligned series, or -1. */
function lastIndex(y: readonly (number | null)[]): number {
  for (let i = y.length - 1; i >= 0; i--) if (y[i] !== null && y[i] !== undefined) return i;
  return -1;
}

/**
 * Draws a time-series widget with uPlot into `target`: legend with live values and time on hover,
 * crosshair, units on the axes, horizontal lines (alarm threshold, annotations) and shaded ALARM
 * stretches. `onDrawn` gets the time from construction to the first complete draw.
 */
export function drawTimeSeries(target: HTMLElement, widget: ChartWidgetView, window: { start: number; end: number }, palette: Palette, onDrawn: (report: DrawReport) => void): DrawnChart {
  const aligned = alignSeries(widget.series);
  const ys = widget.stacked ? stack(aligned.ys) : aligned.ys;
  const points = countPoints(aligned.ys);
  const dataStart = aligned.x[0];
  const dataEnd = aligned.x[aligned.x.length - 1];
  const font = `${palette.fontSize - 1}px ${palette.fontFamily}`;
  // Horizontal grid lines only, faint: they guide the eye without competing with the data.
  const grid = withAlpha(palette.grid, 0.25);
  const leftUnit = widget.axes.left.unit;
  const rightUnit = widget.axes.right?.unit;
  const hasRight = widget.series.some((s) => s.yAxis === 'right');
  // An anomaly-detection band: its two edge series are drawn faint, the range between them shaded.
  const bandEdges = widget.expectedBand ? [widget.expectedBand.upperId, widget.expectedBand.lowerId].map((id) => widget.series.findIndex((s) => s.id === id)) : [];
  const hasBand = bandEdges.length === 2 && bandEdges.every((i) => i >= 0);
  const bandColor = withAlpha(palette.muted, 0.7);
  const isEdge = (i: number) => hasBand && bandEdges.includes(i);
  // Marks what the band is drawn with, for those who read the page (and the tests).
  if (hasBand) target.dataset.bandFill = withAlpha(palette.muted, 0.25);
  const colors = widget.series.map((s, i) => (isEdge(i) ? bandColor : seriesColor(palette, i, s.color)));
  const dashes = widget.series.map((s, i) => (isEdge(i) ? ROUNDS[0] : roundOf(palette, i, s.color)));
  // Away from the cursor the legend shows each series' newest value.
  const newest = aligned.ys.map(lastIndex);
  const zone = pageZone();
  const newestTime = newest.reduce((t, at) => (at >= 0 ? Math.max(t, aligned.x[at]) : t), Number.NEGATIVE_INFINITY);
  let ticks: TimeTicks = timeTicks(window.start, window.end, zone, tickCount(target.clientWidth || 600));
  const tickLabels = new Map<number, string>();
  const timeSplits = (u: uPlot, _axis: number, min: number, max: number): number[] => {
    ticks = timeTicks(min * 1000, max * 1000, zone, tickCount(u.bbox.width / devicePixelRatio || target.clientWidth));
    tickLabels.clear();
    ticks.at.forEach((t, i) => tickLabels.set(t / 1000, ticks.labels[i]));
    return ticks.at.map((t) => t / 1000);
  };

  // uPlot asks for the axes' sizes several times while it settles the layout: measure each label once.
  const widths = new Map<string, number>();
  const axisSize = (self: uPlot, values: string[] | null): number => {
    if (!values || values.length === 0) return 50;
    let widest = 0;
    let fontSet = false;
    for (const v of values) {
      let w = widths.get(v);
      if (w === undefined) {
        if (!fontSet) {
          self.ctx.font = font;
          fontSet = true;
        }
        w = self.ctx.measureText(v).width;
        widths.set(v, w);
      }
      widest = Math.max(widest, w);
    }
    return Math.ceil(widest) + 24;
  };
  const linesOn = (side: 'left' | 'right') => widget.lines.filter((l) => l.yAxis === side);
  const wholeOn = (side: 'left' | 'right') => {
    const on = widget.series.filter((s) => (s.yAxis === 'right' && hasRight ? 'right' : 'left') === side);
    return on.some((s) => s.values.length > 0) && on.every((s) => s.values.every((v) => Number.isInteger(v))) && linesOn(side).every((l) => Number.isInteger(l.value));
  };

  const drawBands = (u: uPlot) => {
    if (widget.bands.length === 0) return;
    const { ctx, bbox } = u;
    ctx.save();
    ctx.fillStyle = withAlpha(palette.alarm, 0.2);
    for (const band of widget.bands) {
      let x0 = Math.max(bbox.left, u.valToPos(band.from / 1000, 'x', true));
      const x1 = Math.min(bbox.left + bbox.width, u.valToPos(band.to / 1000, 'x', true));
      if (x1 <= bbox.left || x0 >= bbox.left + bbox.width || band.to <= band.from) continue;
      // A few minutes in ALARM on a day-long chart still shows (at least 4 px wide).
      const least = 4 * devicePixelRatio;
      if (x1 - x0 < least) x0 = Math.max(bbox.left, x1 - least);
      ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
    }
    ctx.restore();
  };

  // Annotation shading, behind the series: bands between two values, a line's `fill` above or below it,
  // and the vertical annotations' moments and stretches.
  const drawShading = (u: uPlot) => {
    const { ctx, bbox } = u;
    ctx.save();
    for (const line of widget.lines) {
      if (line.to === undefined && !line.fill) continue;
      const scale = line.yAxis === 'right' && hasRight ? 'y2' : 'y';
      const y0 = u.valToPos(line.value, scale, true);
      const y1 = line.to !== undefined ? u.valToPos(line.to, scale, true) : line.fill === 'above' ? bbox.top : bbox.top + bbox.height;
      const top = Math.max(bbox.top, Math.min(y0, y1));
      const bottom = Math.min(bbox.top + bbox.height, Math.max(y0, y1));
      if (bottom <= top) continue;
      ctx.fillStyle = withAlpha(meaningColor(palette, line.kind, line.label, line.color), 0.18);
      ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
    }
    for (const mark of widget.marks ?? []) drawMark(u, mark);
    ctx.restore();
  };
  const drawMark = (u: uPlot, mark: TimeMarkView) => {
    const { ctx, bbox } = u;
    const x = (t: number) => Math.min(bbox.left + bbox.width, Math.max(bbox.left, u.valToPos(t / 1000, 'x', true)));
    const x0 = x(mark.at);
    const color = meaningColor(palette, 'annotation', mark.label, mark.color);
    const x1 = mark.to !== undefined ? x(mark.to) : mark.fill === 'before' ? bbox.left : mark.fill === 'after' ? bbox.left + bbox.width : undefined;
    if (x1 !== undefined && Math.abs(x1 - x0) > 0) {
      ctx.fillStyle = withAlpha(color, 0.18);
      ctx.fillRect(Math.min(x0, x1), bbox.top, Math.abs(x1 - x0), bbox.height);
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(Math.round(x0) + 0.5, bbox.top);
    ctx.lineTo(Math.round(x0) + 0.5, bbox.top + bbox.height);
    ctx.stroke();
    ctx.setLineDash([]);
    if (mark.label) {
      ctx.font = `${(palette.fontSize - 1) * devicePixelRatio}px ${palette.fontFamily}`;
      ctx.fillStyle = color;
      ctx.textBaseline = 'top';
      ctx.fillText(mark.label, Math.round(x0) + 4 * devicePixelRatio, bbox.top + 2 * devicePixelRatio);
    }
  };

  // The widget's own background: behind line labels, and inside the points of sparse series.
  const chartBackground = backgroundBehind(target, palette.background);
  const labelBackground = withAlpha(chartBackground, 0.8);
  const drawLines = (u: uPlot) => {
    const { ctx, bbox } = u;
    const dpr = devicePixelRatio;
    // Labels already placed: a label that would cover one goes below its line, then further left.
    const taken: Rect[] = [];
    for (const line of widget.lines) {
      const scale = line.yAxis === 'right' && hasRight ? 'y2' : 'y';
      const y = Math.round(u.valToPos(line.value, scale, true)) + 0.5;
      if (y < bbox.top || y > bbox.top + bbox.height) continue;
      const color = meaningColor(palette, line.kind, line.label, line.color);
      ctx.save();
      ctx.strokeStyle = color;
      ctx.lineWidth = dpr * (line.kind === 'threshold' ? 1.5 : 1);
      ctx.setLineDash([6 * dpr, 4 * dpr]);
      ctx.beginPath();
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
      if (line.label) {
        ctx.setLineDash([]);
        ctx.font = `${(palette.fontSize - 1) * dpr}px ${palette.fontFamily}`;
        const metrics = ctx.measureText(line.label);
        const w = metrics.width + 4 * dpr;
        const h = (metrics.actualBoundingBoxAscent || palette.fontSize) + 4 * dpr;
        const right = bbox.left + bbox.width - 2 * dpr;
        const candidates: Rect[] = [];
        for (let shift = 0; shift < 4; shift++) {
          const x = right - w - shift * (w + 8 * dpr);
          if (x < bbox.left) break;
          candidates.push({ x, y: y - 3 * dpr - h, w, h }, { x, y: y + 3 * dpr, w, h });
        }
        const spot = candidates.find((c) => c.y >= bbox.top && c.y + c.h <= bbox.top + bbox.height && !taken.some((t) => overlaps(t, c))) ?? candidates[0] ?? { x: bbox.left, y: y - h, w, h };
        taken.push(spot);
        // On the chart's background, so a series running under the label does not cross it out.
        ctx.fillStyle = labelBackground;
        ctx.fillRect(spot.x, spot.y, spot.w, spot.h);
        ctx.fillStyle = color;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        ctx.fillText(line.label, spot.x + 2 * dpr, spot.y + spot.h - 1 * dpr);
      }
      ctx.restore();
    }
  };

  const started = performance.now();
  let reported = false;
  const size = { width: Math.max(120, target.clientWidth), height: Math.max(80, target.clientHeight - 36) };
  const options: uPlot.Options = {
    ...size,
    pxAlign: true,
    cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
    legend: { show: true, live: true, markers: { dash: (_u, i) => (i > 0 ? dashes[i - 1]?.border ?? 'solid' : 'solid') } },
    scales: {
      // The whole range asked for, not just where data happens to be; a drag zooms in, a double click back out.
      x: { time: true, range: (_u, min, max) => (min === null || max === null || (min === dataStart && max === dataEnd) ? [window.start / 1000, window.end / 1000] : [min, max]) },
      // Stacked areas are filled down to zero, so zero stays in view.
      y: { range: (_u, min, max) => yRange(min, max, linesOn('left'), widget.axes.left.min, widget.axes.left.max, widget.stacked) },
      ...(hasRight ? { y2: { range: (_u: uPlot, min: number | null, max: number | null) => yRange(min, max, linesOn('right'), widget.axes.right?.min, widget.axes.right?.max, widget.stacked) } } : {}),
    },
    axes: [
      {
        stroke: palette.foreground, font, labelFont: font, label: axisTitle(window.end, zone), labelSize: 18, grid: { show: false }, ticks: { stroke: grid, width: 1 },
        splits: timeSplits, values: (_u, splits) => splits.map((s) => tickLabels.get(s) ?? ''),
      },
      {
        scale: 'y', space: Y_SPACE, ...(wholeOn('left') ? { incrs: WHOLE_STEPS } : {}), stroke: palette.foreground, font, labelFont: font, label: widget.axes.left.label, labelSize: widget.axes.left.label ? 18 : 0,
        grid: { stroke: grid, width: 1 }, ticks: { show: false },
        values: (_u, splits) => splits.map((v) => formatValue(v, leftUnit)),
        size: axisSize,
      },
      ...(hasRight
        ? [{
            scale: 'y2', side: 1, space: Y_SPACE, ...(wholeOn('right') ? { incrs: WHOLE_STEPS } : {}), stroke: palette.foreground, font, labelFont: font, label: widget.axes.right?.label, labelSize: widget.axes.right?.label ? 18 : 0,
            grid: { show: false }, ticks: { show: false },
            values: (_u: uPlot, splits: number[]) => splits.map((v) => formatValue(v, rightUnit)),
            size: axisSize,
          } satisfies uPlot.Axis]
        : []),
    ],
    series: [
      { label: 'Time', value: (_u, ts) => formatDateTime((ts === null || ts === undefined ? newestTime : ts) * 1000, zone, { seconds: false }) },
      ...widget.series.map((s, i): uPlot.Series => ({
        label: s.label,
        scale: s.yAxis === 'right' && hasRight ? 'y2' : 'y',
        stroke: colors[i],
        dash: dashes[i].dash,
        width: isEdge(i) ? 1 : 1.5,
        points: isEdge(i) ? { show: false } : { fill: chartBackground },
        spanGaps: false,
        fill: widget.stacked ? withAlpha(colors[i], 0.35) : undefined,
        value: (_u, _v, _si, idx) => {
          const at = idx === null || idx === undefined ? newest[i] : idx;
          return formatValue(at < 0 ? null : aligned.ys[i][at], s.unit);
        },
      })),
    ],
    bands: widget.stacked
      ? widget.series.slice(1).map((_, i) => ({ series: [i + 2, i + 1] as [number, number], fill: withAlpha(colors[i + 1], 0.35) }))
      : hasBand ? [{ series: [bandEdges[0] + 1, bandEdges[1] + 1] as [number, number], fill: withAlpha(palette.muted, 0.25) }] : undefined,
    hooks: {
      drawClear: [drawBands, drawShading],
      draw: [drawLines],
      ready: [() => {
        if (reported) return;
        reported = true;
        onDrawn({ series: widget.series.length, points, ms: performance.now() - started });
      }],
    },
  };
  const data = [aligned.x, ...ys] as uPlot.AlignedData;
  // Drawn synchronously (uPlot otherwise defers its first draw to a microtask), so the time measured
  // is this chart's alone.
  const u = new uPlot(options, data, (self, init) => {
    target.appendChild(self.root);
    self.batch(() => init());
  });

  const fit = () => {
    const legend = u.root.querySelector<HTMLElement>('.u-legend');
    const width = Math.max(120, target.clientWidth);
    const height = Math.max(80, target.clientHeight - (legend?.offsetHeight ?? 0) - 4);
    if (Math.abs(width - u.width) > 1 || Math.abs(height - u.height) > 1) u.setSize({ width, height });
  };
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(fit);
  });
  observer.observe(target);
  requestAnimationFrame(fit);

  return {
    points,
    ticks: () => ticks,
    png: (title) => chartPng(u, widget, colors, palette, title),
    destroy: () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      u.destroy();
    },
  };
}

/** The chart's canvas with a title above and the legend below, on the theme's background. */
function chartPng(u: uPlot, widget: ChartWidgetView, colors: readonly string[], palette: Palette, title: string): string {
  const source = u.ctx.canvas;
  const dpr = devicePixelRatio;
  const pad = 12 * dpr;
  const titleHeight = title ? 28 * dpr : 0;
  const rowHeight = 20 * dpr;
  const legendHeight = widget.series.length * rowHeight + (widget.series.length ? pad : 0);
  const out = document.createElement('canvas');
  out.width = source.width + pad * 2;
  out.height = source.height + titleHeight + legendHeight + pad * 2;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = palette.foreground;
  ctx.textBaseline = 'middle';
  if (title) {
    ctx.font = `600 ${(palette.fontSize + 2) * dpr}px ${palette.fontFamily}`;
    ctx.fillText(title, pad, pad + titleHeight / 2);
  }
  ctx.drawImage(source, pad, pad + titleHeight);
  ctx.font = `${palette.fontSize * dpr}px ${palette.fontFamily}`;
  widget.series.forEach((s, i) => {
    const y = pad + titleHeight + source.height + pad + i * rowHeight + rowHeight / 2;
    ctx.fillStyle = colors[i];
    ctx.fillRect(pad, y - 5 * dpr, 10 * dpr, 10 * dpr);
    ctx.fillStyle = palette.foreground;
    const last = s.values.length ? formatValue(s.values[s.values.length - 1], s.unit) : '—';
    ctx.fillText(`${s.label}   latest ${last}`, pad + 16 * dpr, y);
  });
  return out.toDataURL('image/png');
}

// Inline SVG charts for the dashboard: no library, no script, nothing fetched. Each chart is an <svg role="img">
// with a title and a description, and the dashboard prints the same numbers in a table beside it. Every bar is a
// <rect class="bar"> carrying its label and value as data attributes (the browser test counts them).
import { escapeHtml } from "../../report/formatters/html.ts";

export interface Bar {
  label: string;
  value: number;
  /** The value as shown beside the bar (default: the number). */
  text?: string;
  /** Bar colour, from the dashboard's palette. */
  colour?: string;
}

export interface ChartText {
  id: string;
  title: string;
  description: string;
}

const FONT = `font-family="system-ui, -apple-system, 'Segoe UI', Arial, sans-serif"`;
export const INK = "#1b1b1b";
const GRID = "#d0d0d0";

const num = (value: number): string => String(Math.round(value * 100) / 100);

function frame(chart: ChartText, width: number, height: number, body: string): string {
  return [
    `<svg class="chart" id="${chart.id}" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" ${FONT} font-size="13">`,
    `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>`,
    body,
    "</svg>",
  ].join("");
}

function barRect(x: number, y: number, width: number, height: number, bar: Bar, extra = ""): string {
  return `<rect class="bar" x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" fill="${bar.colour ?? "#1d4ed8"}" data-label="${escapeHtml(bar.label)}" data-value="${bar.value}"${extra}><title>${escapeHtml(`${bar.label}: ${bar.text ?? bar.value}`)}</title></rect>`;
}

/** Bars across the page, one row per label: the label on the left, the value at the end of the bar. */
export function horizontalBars(chart: ChartText, bars: Bar[], options: { max?: number; labelWidth?: number; width?: number } = {}): string {
  const width = options.width ?? 720;
  const labelWidth = options.labelWidth ?? 230;
  const valueWidth = 90;
  const row = 30;
  const top = 8;
  const plot = width - labelWidth - valueWidth;
  const max = Math.max(options.max ?? 0, ...bars.map((b) => b.value), 1);
  const height = top * 2 + row * bars.length;
  const body = bars
    .map((bar, i) => {
      const y = top + i * row;
      const length = (bar.value / max) * plot;
      return [
        `<text x="${labelWidth - 8}" y="${y + row / 2 + 4}" text-anchor="end" fill="${INK}">${escapeHtml(truncate(bar.label, Math.floor((labelWidth - 16) / 7.8)))}</text>`,
        `<rect x="${labelWidth}" y="${y + 5}" width="${plot}" height="${row - 10}" fill="#f0f0f0"/>`,
        barRect(labelWidth, y + 5, length, row - 10, bar),
        `<text x="${labelWidth + length + 6}" y="${y + row / 2 + 4}" fill="${INK}">${escapeHtml(bar.text ?? String(bar.value))}</text>`,
      ].join("");
    })
    .join("");
  return frame(chart, width, height, body);
}

/** Upright bars along an axis (the score histogram), with a count scale on the left. */
export function columnBars(chart: ChartText, bars: Bar[], options: { width?: number; height?: number; axisLabel?: string } = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 260;
  const left = 44;
  const bottom = 44;
  const top = 16;
  const plotHeight = height - top - bottom;
  const plotWidth = width - left - 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const ticks = tickValues(max);
  const top1 = ticks.at(-1) ?? max;
  const slot = plotWidth / bars.length;
  const parts: string[] = [];
  for (const tick of ticks) {
    const y = top + plotHeight - (tick / top1) * plotHeight;
    parts.push(`<line x1="${left}" x2="${width - 8}" y1="${num(y)}" y2="${num(y)}" stroke="${GRID}"/>`, `<text x="${left - 6}" y="${num(y + 4)}" text-anchor="end" fill="${INK}">${tick}</text>`);
  }
  bars.forEach((bar, i) => {
    const barHeight = (bar.value / top1) * plotHeight;
    const x = left + i * slot + slot * 0.12;
    parts.push(barRect(x, top + plotHeight - barHeight, slot * 0.76, barHeight, bar));
    if (bar.value > 0) parts.push(`<text x="${num(x + slot * 0.38)}" y="${num(top + plotHeight - barHeight - 4)}" text-anchor="middle" fill="${INK}">${bar.value}</text>`);
    parts.push(`<text x="${num(left + i * slot + slot / 2)}" y="${top + plotHeight + 18}" text-anchor="middle" fill="${INK}" font-size="12">${escapeHtml(bar.label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - 8}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="${INK}"/>`);
  if (options.axisLabel) parts.push(`<text x="${left + plotWidth / 2}" y="${height - 6}" text-anchor="middle" fill="${INK}">${escapeHtml(options.axisLabel)}</text>`);
  return frame(chart, width, height, parts.join(""));
}

export interface StackedRow {
  label: string;
  segments: Bar[];
}

/** One bar per row split into coloured segments (grades within a team), with a key above. */
export function stackedBars(chart: ChartText, rows: StackedRow[], key: { label: string; colour: string }[], options: { width?: number; labelWidth?: number } = {}): string {
  const width = options.width ?? 720;
  const labelWidth = options.labelWidth ?? 200;
  const row = 30;
  const keyHeight = 28;
  const plot = width - labelWidth - 16;
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((sum, s) => sum + s.value, 0)));
  const parts: string[] = [];
  let keyX = labelWidth;
  for (const item of key) {
    parts.push(`<rect x="${keyX}" y="6" width="14" height="14" fill="${item.colour}"/>`, `<text x="${keyX + 19}" y="18" fill="${INK}">${escapeHtml(item.label)}</text>`);
    keyX += 30 + item.label.length * 7.2;
  }
  rows.forEach((r, i) => {
    const y = keyHeight + i * row;
    parts.push(`<text x="${labelWidth - 8}" y="${y + row / 2 + 4}" text-anchor="end" fill="${INK}">${escapeHtml(truncate(r.label, Math.floor((labelWidth - 16) / 7.8)))}</text>`);
    let x = labelWidth;
    for (const segment of r.segments) {
      const length = (segment.value / max) * plot;
      parts.push(barRect(x, y + 5, length, row - 10, { ...segment, label: `${r.label}, ${segment.label}` }, ` data-group="${escapeHtml(r.label)}"`));
      x += length;
    }
  });
  return frame(chart, width, keyHeight + row * rows.length + 8, parts.join(""));
}

/** Round steps for a count axis: 0, then up to five steps of 1, 2, 5, 10... reaching at least `max`. */
export function tickValues(max: number): number[] {
  const steps = [1, 2, 5];
  let step = 1;
  for (let scale = 1; ; scale *= 10) {
    const found = steps.map((s) => s * scale).find((s) => max / s <= 5);
    if (found) {
      step = found;
      break;
    }
  }
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(value);
  return ticks;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, Math.max(1, length - 1))}…` : text;
}

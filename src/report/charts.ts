// Inline SVG charts for the HTML report: no script, no network, readable in print. Pure functions returning markup.

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The value as shown (money, a count); defaults to the number. */
  readonly text?: string;
}

export interface Point {
  readonly label: string;
  readonly value: number;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const COLORS = ['#1f5f8b', '#3c8d5a', '#b5651d', '#7a4f9a', '#a83c4b', '#2d8a8a', '#8a7a2d'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Horizontal bars with labels on the left and values at the bar ends. */
export function barChart(bars: readonly Bar[], options: { title: string; width?: number }): string {
  const width = options.width ?? 640;
  // Room for the longest label. Labels start at the left edge (text-anchor start), so a font wider than estimated
  // runs towards the bars instead of off the chart: right-anchored labels lost their first letters in Chromium's
  // PDF ("engtsfors kommun"), whose fallback font (DejaVu Sans) is about 8.5 px a character at 13 px.
  const labelWidth = Math.min(340, Math.max(120, Math.ceil(Math.max(...bars.map((b) => b.label.length), 0) * 8.6) + 16));
  const row = 30;
  const height = 40 + bars.length * row;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const scale = (width - labelWidth - 110) / max;
  const rows = bars
    .map((bar, i) => {
      const y = 30 + i * row;
      const length = Math.max(bar.value > 0 ? 2 : 0, Math.round(bar.value * scale));
      return [
        `<text x="0" y="${y + 15}" text-anchor="start" font-size="13" ${FONT}>${escapeXml(bar.label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="18" rx="2" fill="${COLORS[i % COLORS.length]}"/>`,
        `<text x="${labelWidth + length + 6}" y="${y + 16}" font-size="12" ${FONT}>${escapeXml(bar.text ?? String(bar.value))}</text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeXml(options.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeXml(options.title)}</title><text x="0" y="16" font-size="14" font-weight="600" ${FONT}>${escapeXml(options.title)}</text>${rows}</svg>`;
}

/** A line of percentages (0–100) over labelled points, with a dot and value at each. */
export function lineChart(points: readonly Point[], options: { title: string; width?: number; empty: string; format: (value: number) => string }): string {
  // Values and axis as the report writes percentages in its language ("92,1 %", "92.1%").
  const { format } = options;
  const width = options.width ?? 640;
  const height = 220;
  const left = 56; // room for "100 %" beside the axis
  const top = 30;
  const plotWidth = width - left - 20;
  const plotHeight = height - top - 40;
  const x = (i: number) => left + (points.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
  // The axis starts below the lowest value (in tens), so a change of a few points is visible.
  const low = Math.max(0, Math.floor(Math.min(100, ...points.map((p) => p.value)) / 10) * 10 - 10);
  const y = (v: number) => top + plotHeight - ((Math.max(low, Math.min(100, v)) - low) / (100 - low)) * plotHeight;
  const grid = [low, Math.round((low + 100) / 2), 100]
    .map(
      (v) =>
        `<line x1="${left}" x2="${left + plotWidth}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" ${FONT}>${escapeXml(format(v))}</text>`,
    )
    .join('');
  const body =
    points.length === 0
      ? `<text x="${width / 2}" y="${top + plotHeight / 2}" text-anchor="middle" font-size="13" fill="#666" ${FONT}>${escapeXml(options.empty)}</text>`
      : `<polyline fill="none" stroke="${COLORS[0]}" stroke-width="2.5" points="${points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}"/>` +
        points
          .map(
            (p, i) =>
              `<circle cx="${x(i)}" cy="${y(p.value)}" r="4" fill="${COLORS[0]}"/><text x="${x(i)}" y="${y(p.value) - 9}" text-anchor="middle" font-size="11" ${FONT}>${escapeXml(format(p.value))}</text><text x="${x(i)}" y="${height - 12}" text-anchor="middle" font-size="11" ${FONT}>${escapeXml(p.label)}</text>`,
          )
          .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeXml(options.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeXml(options.title)}</title><text x="0" y="16" font-size="14" font-weight="600" ${FONT}>${escapeXml(options.title)}</text>${grid}${body}</svg>`;
}

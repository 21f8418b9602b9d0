// Small line charts in plain SVG, built node by node (no markup strings), each with a title and a text
// description for screen readers.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/**
 * points: [{label, value}] oldest first; yMax: top of the scale; bands: [{from, to, className, label}] shaded
 * behind the line; title and description: what a screen reader says.
 */
export function lineChart({ points, yMax, yStep = null, bands = [], title, description, className = '' }) {
  const width = 320;
  const height = 170;
  const pad = { left: 30, right: 12, top: 12, bottom: 26 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const id = `chart-${Math.random().toString(36).slice(2)}`;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, role: 'img', class: `chart ${className}`,
    'aria-labelledby': `${id}-t ${id}-d`, preserveAspectRatio: 'xMidYMid meet',
  });
  root.append(svg('title', { id: `${id}-t` }, title), svg('desc', { id: `${id}-d` }, description));
  const y = (v) => pad.top + h - (v / yMax) * h;
  const x = (i) => pad.left + (points.length <= 1 ? w / 2 : (i / (points.length - 1)) * w);
  for (const band of bands) {
    root.append(svg('rect', { x: pad.left, width: w, y: y(Math.min(band.to, yMax)), height: y(band.from) - y(Math.min(band.to, yMax)), class: `band ${band.className}` }));
  }
  const step = yStep || (yMax <= 10 ? 2 : 5);
  for (let v = 0; v <= yMax; v += step) {
    root.append(svg('line', { x1: pad.left, x2: pad.left + w, y1: y(v), y2: y(v), class: 'grid' }));
    root.append(svg('text', { x: pad.left - 6, y: y(v) + 4, class: 'axis-label', 'text-anchor': 'end' }, v));
  }
  const every = Math.max(1, Math.ceil(points.length / 6));
  points.forEach((p, i) => {
    if (i % every === 0 || i === points.length - 1) {
      root.append(svg('text', { x: x(i), y: height - 8, class: 'axis-label', 'text-anchor': 'middle' }, p.label));
    }
  });
  if (points.length > 1) {
    root.append(svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(' '), class: 'series' }));
  }
  points.forEach((p, i) => {
    const dot = svg('circle', { cx: x(i), cy: y(p.value), r: 4, class: 'point' });
    dot.append(svg('title', {}, `${p.label}: ${p.value}`));
    root.append(dot);
  });
  return root;
}

export const PHQ9_BANDS = [
  { from: 0, to: 5, className: 'band-minimal', label: 'minimal' },
  { from: 5, to: 10, className: 'band-mild', label: 'mild' },
  { from: 10, to: 15, className: 'band-moderate', label: 'moderate' },
  { from: 15, to: 20, className: 'band-modsevere', label: 'moderately severe' },
  { from: 20, to: 27, className: 'band-severe', label: 'severe' },
];

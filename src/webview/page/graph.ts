// The execution graph page: lays the graph out (dagre), draws edges and clusters in SVG and each
// state as a button, coloured by what the execution did there. Every string from the host is
// outside text: it goes into the page as text nodes and attributes, never as markup.
import './codicons.css';
import './graph.css';
import dagre, { type EdgeLabel, type NodeLabel } from '@dagrejs/dagre';

type LaidGraph = InstanceType<typeof dagre.graphlib.Graph>;
import type { GraphHeader, GraphHostMessage, GraphPageMessage, GraphViewModel, StateStatus, ViewEdge, ViewNode } from '../graphProtocol';
import { button, clear, el, iconButton, paintAccountBadge } from './dom';
import { describeState, STATUS_GLYPH, STATUS_TEXT } from './graphDetails';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();
const post = (m: GraphPageMessage) => api.postMessage(m);

const SVG = 'http://www.w3.org/2000/svg';
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 3;

const app = document.getElementById('app')!;
const head = el('header', { class: 'graph-head' });
const toolbar = el('div', { class: 'graph-toolbar', role: 'toolbar', 'aria-label': 'Graph' });
const legend = el('ul', { class: 'graph-legend', 'aria-label': 'Colours' });
const notice = el('p', { class: 'graph-notice', role: 'status' });
const viewport = el('div', { class: 'graph-viewport', id: 'graph', role: 'group', 'aria-label': 'States' });
const sizer = el('div', { class: 'graph-sizer' });
const world = el('div', { class: 'graph-world' });
const details = el('aside', { class: 'graph-details', id: 'details', role: 'region', 'aria-label': 'State details', 'aria-live': 'polite' });
sizer.append(world);
viewport.append(sizer);
const body = el('div', { class: 'graph-body' }, viewport, details);
app.append(head, toolbar, legend, notice, body);

let header: GraphHeader | undefined;
let view: GraphViewModel | undefined;
let zoom = 1;
let size = { width: 0, height: 0 };
let selected: string | undefined;
const buttons = new Map<string, HTMLButtonElement>();

function setZoom(next: number): void {
  zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next));
  world.style.transform = `scale(${zoom})`;
  sizer.style.width = `${size.width * zoom}px`;
  sizer.style.height = `${size.height * zoom}px`;
  zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
}

function fit(): void {
  if (!size.width || !size.height) return;
  const w = viewport.clientWidth - 8;
  const h = viewport.clientHeight - 8;
  setZoom(Math.min(1, w / size.width, h / size.height));
}

const zoomLabel = el('span', { class: 'graph-zoom', 'aria-live': 'polite' }, '100%');
// Refresh and the execution's details are in the editor's title bar; the view's own controls stay here.
toolbar.append(
  iconButton('zoom-in', 'Zoom in (+)', () => setZoom(zoom * 1.25), { id: 'zoom-in' }),
  iconButton('zoom-out', 'Zoom out (−)', () => setZoom(zoom / 1.25), { id: 'zoom-out' }),
  iconButton('screen-normal', 'Fit the graph in the panel (0)', fit, { id: 'fit' }),
  button('100%', () => setZoom(1), { class: 'secondary', id: 'actual-size', title: 'Actual size' }),
  zoomLabel,
);

viewport.addEventListener('wheel', (event) => {
  if (!event.ctrlKey && !event.metaKey) return;
  event.preventDefault();
  setZoom(zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
}, { passive: false });
viewport.addEventListener('keydown', (event) => {
  if (event.key === '+' || event.key === '=') setZoom(zoom * 1.25);
  else if (event.key === '-') setZoom(zoom / 1.25);
  else if (event.key === '0') fit();
  else return;
  event.preventDefault();
});

function renderHead(): void {
  clear(head);
  if (!header) return;
  const badge = el('span', { class: 'account-badge', id: 'account-badge', role: 'note' });
  paintAccountBadge(badge, header.account);
  head.append(badge, el('h1', {}, `Graph: ${header.title}`), el('p', { class: 'graph-subtitle', id: 'subtitle' }, header.subtitle));
}

function renderLegend(statuses: readonly StateStatus[]): void {
  clear(legend);
  for (const status of statuses) legend.append(el('li', { class: `status-${status}` }, el('span', { class: 'swatch', 'aria-hidden': 'true' }, STATUS_GLYPH[status]), STATUS_TEXT[status]));
}

/** Rough text width in CSS pixels at the page's font size: enough for layout, the text itself is clipped by CSS. */
const textWidth = (text: string, px = 7.2) => Math.min(text.length, 40) * px;

function nodeSize(node: ViewNode): { width: number; height: number } {
  if (node.kind === 'start' || node.kind === 'end') return { width: 56, height: 26 };
  if (node.kind === 'join') return { width: 12, height: 12 };
  return { width: Math.max(150, Math.min(300, Math.max(textWidth(node.name, 8.2) + 48, textWidth(`${node.type} · ${node.detail ?? ''}`, 7) + 24))), height: 50 };
}

/**
 * Which edges the layout places. Retries are loops drawn on their state. A Choice rule or a Catch
 * into a state that another edge already leads to is drawn over the layout: many of them into one
 * handler would each span the whole graph and cost the layout most of its time.
 */
function laidEdges(model: GraphViewModel): Set<number> {
  const reached = new Set(model.edges.filter((e) => e.kind === 'next' || e.kind === 'default').map((e) => e.to));
  const laid = new Set<number>();
  model.edges.forEach((e, i) => {
    if (e.kind === 'retry') return;
    if (e.kind === 'catch' || e.kind === 'choice') {
      if (reached.has(e.to)) return;
      reached.add(e.to);
    }
    laid.add(i);
  });
  return laid;
}

function layout(model: GraphViewModel, laid: ReadonlySet<number>): LaidGraph {
  const g = new dagre.graphlib.Graph({ multigraph: true, compound: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 36, edgesep: 12, marginx: 40, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const used = new Set(model.nodes.map((n) => n.cluster).filter((c): c is string => !!c));
  for (const c of model.clusters) if (c.parent && used.has(c.id)) used.add(c.parent);
  for (const c of model.clusters) if (used.has(c.id)) g.setNode(c.id, { label: c.label, width: 0, height: 0 });
  for (const c of model.clusters) if (used.has(c.id) && c.parent && used.has(c.parent)) g.setParent(c.id, c.parent);
  for (const n of model.nodes) {
    g.setNode(n.id, { ...nodeSize(n) });
    if (n.cluster && used.has(n.cluster)) g.setParent(n.id, n.cluster);
  }
  model.edges.forEach((e, i) => {
    if (!laid.has(i)) return;
    const label = e.label ? { width: Math.min(textWidth(e.label, 6.4), 28 * 6.4) + 10, height: 16, labelpos: 'c' as const } : {};
    g.setEdge(e.from, e.to, label, `e${i}`);
  });
  dagre.layout(g);
  return g;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function edgePath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  let d = `M${points[0].x},${points[0].y}`;
  if (points.length === 2) return `${d} L${points[1].x},${points[1].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const mid = { x: (points[i].x + points[i + 1].x) / 2, y: (points[i].y + points[i + 1].y) / 2 };
    d += ` Q${points[i].x},${points[i].y} ${i === points.length - 2 ? `${points[i + 1].x},${points[i + 1].y}` : `${mid.x},${mid.y}`}`;
  }
  return d;
}

type Box = { x: number; y: number; width: number; height: number };

function boxOf(g: LaidGraph, id: string): Box | undefined {
  const n = g.node(id) as NodeLabel | undefined;
  return n && n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y, width: n.width ?? 0, height: n.height ?? 0 } : undefined;
}

/** An edge the layout did not place: a retry loop on the state's right side, or a Catch drawn across. */
function overlayEdge(g: LaidGraph, e: ViewEdge): EdgeLabel | undefined {
  const from = boxOf(g, e.from);
  const to = boxOf(g, e.to);
  if (!from || !to) return undefined;
  const right = from.x + from.width / 2;
  if (e.kind === 'retry') {
    const label = e.label ? textWidth(retryText(e.label), 6.4) + 8 : 0;
    return { points: [{ x: right, y: from.y - 10 }, { x: right + 26, y: from.y }, { x: right, y: from.y + 10 }], x: right + 30 + label / 2, y: from.y, width: label };
  }
  const start = { x: right, y: from.y };
  const end = to.y > from.y ? { x: to.x + to.width / 2, y: to.y - to.height / 4 } : { x: to.x + to.width / 2, y: to.y + to.height / 4 };
  const bend = { x: Math.max(start.x, end.x) + 40, y: (start.y + end.y) / 2 };
  const label = e.label ? Math.min(textWidth(e.label, 6.4), 28 * 6.4) + 10 : 0;
  return { points: [start, bend, end], x: bend.x, y: bend.y, width: label };
}

/** A retry loop's short label: `↻ ×3` (the full one, with its errors, is the tooltip). */
const retryText = (label: string) => `↻ ${/×\d+/.exec(label)?.[0] ?? ''}`.trim();

function loopPath(points: readonly { x: number; y: number }[]): string {
  const [a, mid, b] = points;
  return `M${a.x},${a.y} C${mid.x + 10},${a.y - 6} ${mid.x + 10},${b.y + 6} ${b.x},${b.y}`;
}

/** Draws the edges; returns how far right they reach (loops and Catches drawn across may pass the layout's edge). */
function drawEdges(canvas: SVGSVGElement, g: LaidGraph, model: GraphViewModel, laidOut: ReadonlySet<number>): number {
  let reach = 0;
  const defs = svg('defs', {});
  for (const kind of ['plain', 'taken']) {
    const marker = svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow ${kind}` }));
    defs.append(marker);
  }
  canvas.append(defs);
  model.edges.forEach((e: ViewEdge, i) => {
    const laid = laidOut.has(i) ? g.edge({ v: e.from, w: e.to, name: `e${i}` }) as EdgeLabel | undefined : overlayEdge(g, e);
    if (!laid?.points) return;
    for (const p of laid.points) reach = Math.max(reach, p.x);
    if (laid.x !== undefined) reach = Math.max(reach, laid.x + (laid.width ?? 0) / 2);
    const group = svg('g', { class: `edge kind-${e.kind}${e.taken ? ' taken' : ''}` });
    group.append(svg('path', { d: e.kind === 'retry' ? loopPath(laid.points) : edgePath(laid.points), 'marker-end': `url(#arrow-${e.taken ? 'taken' : 'plain'})` }));
    if (e.label && laid.x !== undefined && laid.y !== undefined) {
      const w = laid.width ?? 0;
      group.append(svg('rect', { x: laid.x - w / 2, y: laid.y - 8, width: w, height: 16, rx: 3, class: 'edge-label-bg' }));
      const text = svg('text', { x: laid.x, y: laid.y + 4, 'text-anchor': 'middle', class: 'edge-label' });
      text.textContent = e.kind === 'retry' ? retryText(e.label) : e.label.length > 28 ? `${e.label.slice(0, 27)}…` : e.label;
      const title = svg('title', {});
      title.textContent = e.label;
      text.append(title);
      group.append(text);
    }
    canvas.append(group);
  });
  return reach;
}

function drawClusters(canvas: SVGSVGElement, g: LaidGraph, model: GraphViewModel): void {
  for (const c of model.clusters) {
    const laid = g.node(c.id) as NodeLabel | undefined;
    if (!laid || laid.x === undefined || laid.y === undefined || !laid.width || !laid.height) continue;
    const group = svg('g', { class: 'cluster' });
    group.append(svg('rect', { x: laid.x - laid.width / 2, y: laid.y - laid.height / 2, width: laid.width, height: laid.height, rx: 6 }));
    const label = svg('text', { x: laid.x - laid.width / 2 + 8, y: laid.y - laid.height / 2 + 15, class: 'cluster-label' });
    label.textContent = c.label;
    group.append(label);
    canvas.append(group);
  }
}

/** Places an element by the style object (the page's CSP allows no style attributes). */
function place<T extends HTMLElement>(node: T, x: number, y: number, width: number, height: number): T {
  Object.assign(node.style, { left: `${x - width / 2}px`, top: `${y - height / 2}px`, width: `${width}px`, height: `${height}px` });
  return node;
}

function stateButton(node: ViewNode, x: number, y: number, width: number, height: number): HTMLElement {
  if (node.kind !== 'state') {
    // Markers are not states: they carry no details and take no focus.
    return place(el('div', { class: `graph-marker marker-${node.kind}`, 'aria-hidden': node.kind === 'join' ? 'true' : undefined, title: node.name }, node.kind === 'join' ? '' : node.name), x, y, width, height);
  }
  const status = node.status;
  const b = el('button', {
    type: 'button',
    class: `graph-state status-${status ?? 'definition'}${node.id === selected ? ' selected' : ''}`,
    'aria-label': node.label,
    'aria-pressed': String(node.id === selected),
    'data-state': node.name,
    'data-status': status ?? 'definition',
    title: node.label,
  },
  el('span', { class: 'state-name' }, status ? el('span', { class: 'glyph', 'aria-hidden': 'true' }, STATUS_GLYPH[status]) : '', node.name),
  el('span', { class: 'state-type' }, [node.type, node.mapMode === 'DISTRIBUTED' ? 'distributed' : '', node.detail && node.type !== 'Map' ? node.detail : ''].filter(Boolean).join(' · ')));
  b.addEventListener('click', () => select(node.id));
  buttons.set(node.id, b);
  return place(b, x, y, width, height);
}

function select(id: string): void {
  const node = view?.nodes.find((n) => n.id === id);
  if (!node || !view) return;
  if (selected) {
    const previous = buttons.get(selected);
    previous?.classList.remove('selected');
    previous?.setAttribute('aria-pressed', 'false');
  }
  selected = id;
  buttons.get(id)?.classList.add('selected');
  buttons.get(id)?.setAttribute('aria-pressed', 'true');
  clear(details);
  details.append(describeState(node, view.withExecution, (arn) => post({ type: 'open', arn })));
}

function draw(model: GraphViewModel, receivedAt: number): void {
  view = model;
  buttons.clear();
  clear(world);
  const laid = laidEdges(model);
  const g = layout(model, laid);
  const graph = g.graph() as { width?: number; height?: number };
  const canvas = svg('svg', { class: 'graph-canvas', 'aria-hidden': 'true' });
  drawClusters(canvas, g, model);
  const reach = drawEdges(canvas, g, model, laid);
  size = { width: Math.ceil(Math.max(graph.width ?? 0, reach + 12)), height: Math.ceil(graph.height ?? 0) };
  canvas.setAttribute('width', String(size.width));
  canvas.setAttribute('height', String(size.height));
  world.style.width = `${size.width}px`;
  world.style.height = `${size.height}px`;
  world.append(canvas);
  // Buttons in reading order (top to bottom, left to right), so Tab walks the graph as it reads.
  const placed = model.nodes.map((n) => ({ n, at: g.node(n.id) as NodeLabel })).filter((p) => p.at?.x !== undefined);
  placed.sort((a, b) => (a.at.y! - b.at.y!) || (a.at.x! - b.at.x!));
  const layer = el('div', { class: 'graph-nodes' });
  for (const { n, at } of placed) layer.append(stateButton(n, at.x!, at.y!, at.width ?? 0, at.height ?? 0));
  world.append(layer);
  renderLegend(model.withExecution ? ['succeeded', 'failed', 'caught', 'retried', 'running', 'stopped', 'notReached'] : []);
  notice.textContent = [model.truncated, model.redrives ? `Redriven ${model.redrives}×: each state shows its latest run.` : ''].filter(Boolean).join(' ');
  notice.hidden = !notice.textContent;
  const states = model.nodes.filter((n) => n.kind === 'state').length;
  if (selected && model.nodes.some((n) => n.id === selected)) select(selected);
  else {
    selected = undefined;
    clear(details);
    details.append(el('p', { class: 'graph-hint' }, states ? 'Select a state to see its input, output, duration, retries and error.' : 'This definition has no states.'));
  }
  fit();
  void world.getBoundingClientRect();
  document.body.dataset.state = 'ready';
  app.setAttribute('aria-busy', 'false');
  requestAnimationFrame(() => post({ type: 'drawn', states, ms: performance.now() - receivedAt }));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as GraphHostMessage;
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
  const receivedAt = performance.now();
  try {
    if (message.type === 'graph') {
      header = message.header;
      renderHead();
      draw(message.view, receivedAt);
    } else if (message.type === 'failed') {
      clear(world);
      notice.hidden = false;
      notice.textContent = `The graph could not be read: ${message.message}`;
      document.body.dataset.state = 'failed';
      app.setAttribute('aria-busy', 'false');
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
window.addEventListener('resize', () => {
  if (view && zoom < 1) fit();
});

document.body.classList.add('graph-page');
document.body.dataset.state = 'loading';
post({ type: 'ready' });

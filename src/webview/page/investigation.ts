// The investigation panel's page: one time axis for the alarm's metric, its state, the related logs'
// errors, failed executions and health changes. Parts are drawn as they arrive; each says how it ended.
import 'uplot/dist/uPlot.min.css';
import './codicons.css';
import './investigation.css';
import type { ChartWidgetView } from '../protocol';
import type {
  AlarmPartData, ChangesPartData, ChildrenPartData, CommitsPartData, ExecutionsPartData, HealthPartData, InvestigationHeader, InvestigationHostMessage, InvestigationPageMessage,
  LogsPartData, MetricPartData, PartUpdate, RunbookPartData,
} from '../investigationProtocol';
import { latestChangeBefore, type LatestChange } from '../../core/investigate/changes';
import { windowText } from '../../core/alarms/detailsDoc';
import { bandsFromTransitions } from '../../core/metrics/alarmBands';
import { button, clear, el, paintAccountBadge } from './dom';
import { onThemeChange, readPalette } from './theme';
import { drawTimeSeries, tickCount, type DrawnChart } from './timeSeries';
import { axisTitle, formatClock, formatDateTime, formatSpan, timeTicks } from '../../core/time/zone';
import { pageZone, setPageZone } from './zone';
import { attachSummary } from './summary';
import { comparisonSymbol, formatNumber } from '../../core/alarms/model';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();
const post = (m: InvestigationPageMessage) => api.postMessage(m);

const app = document.getElementById('app')!;
const head = el('header', { class: 'inv-head' });
const statusList = el('ul', { class: 'inv-parts', id: 'parts', 'aria-label': 'Parts of the investigation' });
// Part status: open while parts arrive; once all have, one line that opens on demand (a failed part keeps it open).
const statusLine = el('summary', { class: 'inv-parts-summary', id: 'parts-summary' }, 'Gathering…');
const statusBox = el('details', { class: 'inv-parts-box', id: 'parts-box', open: '' }, statusLine, statusList);
const metricBox = el('section', { class: 'inv-metric', id: 'metric', hidden: '' });
const lanes = el('section', { class: 'inv-lanes', id: 'lanes', 'aria-label': 'Timeline' });
const details = el('div', { class: 'inv-details', id: 'details' });
const errorsBox = el('section', { class: 'inv-section', id: 'errors', hidden: '' }, el('h2', {}, 'Errors in related log groups'));
const executionsBox = el('section', { class: 'inv-section', id: 'executions', hidden: '' }, el('h2', {}, 'Step Functions executions that failed or timed out'));
const healthBox = el('section', { class: 'inv-section', id: 'health', hidden: '' }, el('h2', {}, 'Health endpoints'));
const changesBox = el('section', { class: 'inv-section', id: 'changes', hidden: '' }, el('h2', {}, 'What changed'));
const relatedBox = el('section', { class: 'inv-section', id: 'related', hidden: '' }, el('h2', {}, 'Related resources'));
details.append(changesBox, errorsBox, executionsBox, healthBox, relatedBox);
app.append(head, metricBox, lanes, statusBox, details);

let header: InvestigationHeader | undefined;
let alarm: AlarmPartData | undefined;
let metric: MetricPartData | undefined;
let chart: DrawnChart | undefined;
const laneParts = new Map<string, PartUpdate>();
const statusItems = new Map<string, HTMLElement>();
let firstPainted = false;
let awsChanges: ChangesPartData | undefined;
let commits: CommitsPartData | undefined;

/** "02:56:53 UTC+1": a time of day in the page's zone, zone written. */
const time = (ms: number) => formatClock(ms, pageZone());
/** "2026-12-02 02:56:53 UTC+1". */
const stamp = (ms: number) => formatDateTime(ms, pageZone());
const side = (ms: number) => (ms % 3_600_000 === 0 && ms > 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`);

function setState(state: 'loading' | 'ready'): void {
  document.body.dataset.state = state;
  app.setAttribute('aria-busy', String(state === 'loading'));
}

/** Horizontal position of an instant on the shared axis, in percent of the plot width. */
function x(ms: number): number {
  if (!alarm) return 0;
  const { start, end } = alarm.window;
  return Math.max(0, Math.min(100, ((ms - start) / (end - start)) * 100));
}

function placed(node: HTMLElement, from: number, to?: number): HTMLElement {
  node.style.left = `${x(from)}%`;
  if (to !== undefined) node.style.width = `${Math.max(0.3, x(to) - x(from))}%`;
  return node;
}

function renderHead(): void {
  clear(head);
  if (!header) return;
  const badge = el('span', { class: 'account-badge', id: 'account-badge', role: 'note' });
  paintAccountBadge(badge, header.account);
  const title = el('h1', {}, `Investigate: ${header.name}`);
  const facts = el('p', { class: 'inv-facts', id: 'facts' });
  if (alarm) {
    facts.append(
      el('span', { class: `inv-state state-${alarm.state}`, 'data-state': alarm.state }, alarm.state),
      ` ${alarm.region} · ${alarm.condition} · `,
      el('span', { id: 'fired', 'data-at': String(alarm.moment.at) }, `${/into ALARM/.test(alarm.moment.why) ? 'Fired' : 'Changed'} ${time(alarm.moment.at)}`),
      ` (${alarm.moment.why}) · window `,
      el('span', { id: 'window' }, formatSpan(alarm.window.start, alarm.window.end, pageZone())),
    );
  } else facts.append(`${header.region} · gathering…`);
  const before = el('input', { id: 'before', value: side(header.beforeMs), size: '5', 'aria-label': 'Window before the moment' });
  const after = el('input', { id: 'after', value: side(header.afterMs), size: '5', 'aria-label': 'Window after the moment' });
  const moment = el('select', { id: 'moment', 'aria-label': 'State change to investigate' });
  moment.append(el('option', { value: '' }, 'Latest change into ALARM'));
  for (const t of [...(alarm?.transitions ?? [])].reverse()) {
    const option = el('option', { value: String(t.time) }, `${stamp(t.time)}: ${t.from ?? '?'} → ${t.to}`);
    if (header.at !== undefined && Math.abs(header.at - t.time) < 60_000) option.selected = true;
    moment.append(option);
  }
  const rerun = () => post({ type: 'rerun', before: before.value, after: after.value, ...(moment.value ? { at: Number(moment.value) } : {}) });
  const controls = el('div', { class: 'inv-controls' },
    el('label', {}, 'Before ', before), el('label', {}, 'After ', after), el('label', {}, 'State change ', moment),
    button('Investigate', rerun, { 'data-action': 'rerun' }),
    el('span', { id: 'runbook', class: 'inv-runbook' }),
    el('span', { id: 'saved', class: 'inv-saved', role: 'status' }),
  );
  moment.addEventListener('change', rerun);
  head.append(badge, title, facts, controls);
}

function renderStatus(update: PartUpdate): void {
  let item = statusItems.get(update.id);
  if (!item) {
    item = el('li', {});
    statusItems.set(update.id, item);
    statusList.append(item);
  }
  clear(item);
  item.dataset.part = update.id;
  item.dataset.status = update.status;
  const when = update.at !== undefined ? ` at ${time(update.at)}` : '';
  const text = update.status === 'loading' ? 'loading…' : update.status === 'failed' ? `failed${when}: ${update.error ?? ''}` : `arrived${when}`;
  item.append(el('span', { class: 'inv-part-label' }, update.label), ' ', el('span', { class: 'inv-part-state' }, text));
}

/** Every part arrived: the status folds into one line ("7 sources · 0 failed · 02:57:24 UTC"), open only when one failed. */
function collapseStatus(): void {
  const items = [...statusItems.values()];
  const failed = items.filter((i) => i.dataset.status === 'failed').length;
  statusLine.textContent = `${items.length} source${items.length === 1 ? '' : 's'} · ${failed} failed · ${time(Date.now())}`;
  statusBox.open = failed > 0;
  statusBox.dataset.failed = String(failed);
}

function renderMetric(): void {
  chart?.destroy();
  chart = undefined;
  clear(metricBox);
  if (!metric && alarm?.logQuery) {
    renderLogAlarm(alarm, alarm.logQuery);
    return;
  }
  if (!metric || !alarm) return;
  metricBox.hidden = false;
  const unit = metric.unit ? { unit: metric.unit } : {};
  const band = metric.expectedBand;
  const edges = band ? [
    { id: 'band:upper', label: `${band.label} (upper)`, yAxis: 'left' as const, timestamps: band.timestamps, values: band.upper, ...unit },
    { id: 'band:lower', label: `${band.label} (lower)`, yAxis: 'left' as const, timestamps: band.timestamps, values: band.lower, ...unit },
  ] : [];
  const widget: ChartWidgetView = {
    kind: 'chart', id: 'metric', title: metric.label, pos: { x: 0, y: 0, width: 24, height: 6 }, view: 'timeSeries', stacked: false,
    series: [...metric.series.map((s, i) => ({ id: `s${i}`, label: s.label, yAxis: 'left' as const, timestamps: s.timestamps, values: s.values, ...unit })), ...edges],
    ...(band ? { expectedBand: { label: band.label, upperId: 'band:upper', lowerId: 'band:lower' } } : {}),
    lines: metric.threshold !== undefined ? [{ value: metric.threshold, label: `Threshold ${comparisonSymbol(metric.comparison)} ${formatNumber(metric.threshold)}`, kind: 'threshold', yAxis: 'left' }] : [],
    bands: metric.bands, bandsFrom: 'history', axes: { left: { ...(metric.unit ? { unit: metric.unit } : {}) } }, period: metric.period,
    alarm: { name: alarm.name, region: alarm.region, state: alarm.state, ...(metric.threshold !== undefined ? { threshold: metric.threshold } : {}) },
    notes: [],
  };
  const body = el('div', { class: 'widget-body chart chart-timeSeries inv-chart', 'data-points': '0', 'data-bands': String(metric.bands.length) });
  if (metric.threshold !== undefined) body.dataset.threshold = String(metric.threshold);
  if (band) body.dataset.expectedBand = band.label;
  metricBox.append(el('h2', {}, metric.label), body);
  if (band) metricBox.append(el('p', { class: 'inv-note' }, `Shaded band: ${band.label}, the range the alarm expects the metric in.`));
  if (metric.series.every((s) => s.values.length === 0)) body.append(el('p', { class: 'inv-empty' }, 'No data points in the window.'));
  chart = drawTimeSeries(body, widget, alarm.window, readPalette(), (r) => {
    body.dataset.points = String(r.points);
  });
  attachSummary(metricBox, body, widget, alarm.window);
  alignLanes();
}

/** A log alarm has no metric: its query, log groups and schedule, and what the investigation reads instead. */
function renderLogAlarm(a: AlarmPartData, q: NonNullable<AlarmPartData['logQuery']>): void {
  metricBox.hidden = false;
  metricBox.dataset.logAlarm = a.name;
  const judged = q.resultsToEvaluate ? ` in ${q.resultsToAlarm ?? q.resultsToEvaluate} of its last ${q.resultsToEvaluate} runs` : '';
  metricBox.append(
    el('h2', {}, 'Log alarm query'),
    el('p', {}, `Runs ${q.schedule || 'on its schedule'}, each run reading ${windowText(q.startOffsetSeconds, q.endOffsetSeconds)}; in ALARM when ${a.condition}${judged}.`),
    el('pre', { class: 'inv-query' }, el('code', {}, q.query)),
    el('p', {}, `Log groups: ${q.logGroups.join(', ') || 'named by the query'}`),
    el('p', { class: 'inv-note', id: 'log-alarm-instead' }, 'A log alarm has no metric to chart. Shown instead: the error events of its log groups in the window (below and on the timeline). Its query is not run here: Logs Insights charges per GB scanned.'),
    button('Run the query in Logs Insights over the window', () => post({ type: 'runAlarmQuery' }), { 'data-action': 'run-alarm-query', class: 'secondary' }),
  );
}

/** Lanes line up with the chart's plot area (its left axis takes room). */
function alignLanes(): void {
  const over = metricBox.querySelector<HTMLElement>('.u-over');
  const left = over ? over.getBoundingClientRect().left - metricBox.getBoundingClientRect().left : 60;
  const width = over ? over.getBoundingClientRect().width : metricBox.clientWidth - 76;
  lanes.style.setProperty('--plot-left', `${left}px`);
  lanes.style.setProperty('--plot-width', `${Math.max(100, width)}px`);
}

function lane(id: string, label: string, ...marks: HTMLElement[]): HTMLElement {
  const track = el('div', { class: 'inv-track' }, ...marks);
  if (alarm) track.append(placed(el('div', { class: 'inv-now', title: `moment ${stamp(alarm.moment.at)}` }), alarm.moment.at));
  return el('div', { class: 'inv-lane', 'data-lane': id }, el('div', { class: 'inv-lane-label', title: label }, label), track);
}

function renderLanes(): void {
  clear(lanes);
  if (!alarm) return;
  lanes.dataset.start = String(alarm.window.start);
  lanes.dataset.end = String(alarm.window.end);
  const rows: HTMLElement[] = [];
  // The alarm's own state: ALARM stretches from its history.
  const bands = metric?.bands ?? bandsFromTransitions(alarm.transitions, alarm.window.start, alarm.window.end, alarm.state);
  rows.push(lane('alarm', `${alarm.name} in ALARM`, ...bands.map((b) => placed(el('div', { class: 'inv-band state-ALARM', title: `ALARM ${stamp(b.from)} – ${stamp(b.to)}` }), b.from, b.to))));
  const latest = latestChange();
  const changeMarks = [
    ...(awsChanges?.changes ?? []).map((c) => ({ at: c.at, id: c.eventId, title: `${c.what}: ${resourceName(c.resource)} by ${c.who} at ${stamp(c.at)}`, kind: 'aws' })),
    ...(commits?.commits ?? []).map((c) => ({ at: c.at, id: c.hash, title: `commit ${c.hash.slice(0, 8)} ${c.subject} by ${c.author} at ${stamp(c.at)}`, kind: 'commit' })),
  ];
  if (awsChanges || commits) {
    rows.push(lane('changes', `Changes (${changeMarks.length})`, ...changeMarks.map((m) => {
      const latestId = latest && (latest.source === 'aws' ? latest.change.eventId : latest.change.hash);
      return placed(el('div', { class: `inv-mark change-${m.kind}${m.id === latestId ? ' change-latest' : ''}`, title: m.title, 'data-change': m.id }), m.at);
    })));
  }
  const order = ['children', 'logs', 'executions', 'health'];
  const sorted = [...laneParts.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const p of sorted) {
    const d = p.data;
    if (!d) continue;
    if (d.kind === 'children') {
      for (const c of (d as ChildrenPartData).children) {
        rows.push(lane(`child:${c.name}`, c.name, ...c.stretches.map((s) => placed(el('div', { class: `inv-band state-${s.state}`, title: `${s.state} ${stamp(s.from)} – ${stamp(s.to)}` }), s.from, s.to))));
      }
    } else if (d.kind === 'logs') {
      const logs = d as LogsPartData;
      const max = Math.max(1, ...logs.perMinute.map((m) => m.count));
      const bars = logs.perMinute.filter((m) => m.count > 0).map((m) => {
        const bar = placed(el('div', { class: 'inv-bar', title: `${m.count} error event${m.count === 1 ? '' : 's'} at ${stamp(m.minute)}`, 'data-count': String(m.count), 'data-minute': String(m.minute) }), m.minute, m.minute + 60_000);
        bar.style.height = `${Math.max(8, (m.count / max) * 100)}%`;
        return bar;
      });
      rows.push(lane(`logs:${logs.logGroup}`, `Error events per minute in ${logs.logGroup} (${logs.total})`, ...bars));
    } else if (d.kind === 'executions') {
      const ex = d as ExecutionsPartData;
      rows.push(lane(`executions:${ex.stateMachineArn}`, `Executions of ${ex.stateMachine} that failed or timed out (${ex.executions.length})`, ...ex.executions.map((e) =>
        placed(el('div', { class: `inv-mark status-${e.status}`, title: `${e.name} ${e.status} at ${stamp(e.stop ?? e.start)}` }), e.stop ?? e.start))));
    } else if (d.kind === 'health') {
      const h = d as HealthPartData;
      if (h.changes.length || h.endpoints.length) {
        rows.push(lane('health', `Health endpoint changes (${h.changes.length})`, ...h.changes.map((c) => placed(el('div', { class: `inv-mark health-${c.to}`, title: `${c.endpoint}: ${c.from} → ${c.to} at ${stamp(c.at)}` }), c.at))));
      }
    }
  }
  // The chart's own ticks when it is drawn, so the timeline's times stand under the axis's.
  const { start, end } = alarm.window;
  const ticks = chart?.ticks() ?? timeTicks(start, end, pageZone(), tickCount(lanes.clientWidth - 160));
  const drawn = metricBox.querySelector<HTMLElement>('.inv-chart');
  if (drawn && chart) {
    // What the canvas axis shows, for assistive technology and tests: its title and tick labels.
    drawn.dataset.axisTitle = axisTitle(end, pageZone());
    drawn.dataset.ticks = ticks.at.join(',');
    drawn.dataset.tickLabels = ticks.labels.join('|');
  }
  const axis = el('div', { class: 'inv-axis' }, ...ticks.at.map((t, i) => placed(el('span', { class: 'inv-tick', 'data-at': String(t) }, ticks.labels[i]), t)));
  lanes.append(...rows, el('div', { class: 'inv-lane inv-axis-row' }, axis, el('div', { class: 'inv-axis-title', id: 'timeline-title' }, axisTitle(end, pageZone()))));
}

function renderLogs(d: LogsPartData): void {
  const id = `errors-${d.logGroup}`;
  errorsBox.querySelector(`[data-log-group="${CSS.escape(d.logGroup)}"]`)?.remove();
  const box = el('div', { class: 'inv-group', 'data-log-group': d.logGroup, id });
  box.append(el('h3', {}, `${d.logGroup}: ${d.total} error event${d.total === 1 ? '' : 's'} in the window${d.truncated ? ' (more matched than were read)' : ''}`));
  if (d.top.length) {
    const table = el('table', { class: 'inv-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Count'), el('th', {}, 'First'), el('th', {}, 'Last'), el('th', {}, 'Message'))));
    const tbody = el('tbody', {});
    d.top.forEach((t, index) => {
      const open = button(t.example || '(empty message)', () => post({ type: 'openErrors', logGroup: d.logGroup, index }), { class: 'link', 'data-action': 'open-errors', title: 'Open these events with source links' });
      tbody.append(el('tr', { 'data-first': String(t.first), 'data-last': String(t.last) }, el('td', {}, String(t.count)), el('td', {}, time(t.first)), el('td', {}, time(t.last)), el('td', {}, open)));
    });
    table.append(tbody);
    box.append(table);
  }
  errorsBox.append(box);
  errorsBox.hidden = false;
}

function renderExecutions(d: ExecutionsPartData): void {
  errorsBox.querySelector(`[data-state-machine="${CSS.escape(d.stateMachineArn)}"]`)?.remove();
  const box = el('div', { class: 'inv-group', 'data-state-machine': d.stateMachineArn });
  box.append(el('h3', {}, `${d.stateMachine}: ${d.executions.length} in the window`));
  const list = el('ul', { class: 'inv-executions' });
  for (const e of d.executions) {
    list.append(el('li', { 'data-execution': e.name, 'data-status': e.status },
      button(e.name, () => post({ type: 'openExecution', arn: e.arn }), { class: 'link', 'data-action': 'open-execution' }),
      ` ${e.status} · started ${time(e.start)}${e.stop !== undefined ? ` · stopped ${time(e.stop)}` : ''}`));
  }
  box.append(list);
  executionsBox.append(box);
  executionsBox.hidden = false;
}

/** A resource as a person names it: an ARN's last part (the name), a name as it is. */
const resourceName = (resource: string) => (resource.startsWith('arn:') ? resource.slice(resource.lastIndexOf(':') + 1) : resource);

function latestChange(): LatestChange | undefined {
  return alarm ? latestChangeBefore(alarm.moment.at, awsChanges?.changes ?? [], commits?.commits ?? []) : undefined;
}

function renderChanges(): void {
  clear(changesBox);
  changesBox.append(el('h2', {}, 'What changed'));
  const latest = latestChange();
  if (latest) {
    const text = latest.source === 'aws'
      ? `${latest.change.what}: ${resourceName(latest.change.resource)} by ${latest.change.who} at ${time(latest.change.at)}`
      : `commit ${latest.change.hash.slice(0, 8)} “${latest.change.subject}” by ${latest.change.author} at ${time(latest.change.at)}`;
    changesBox.append(el('p', { class: 'inv-latest-change', id: 'latest-change', role: 'note', 'data-source': latest.source }, el('strong', {}, 'Latest change before the alarm fired: '), text));
  }
  if (awsChanges) {
    const box = el('div', { class: 'inv-group', id: 'aws-changes' }, el('h3', {}, `In AWS: ${awsChanges.changes.length} change${awsChanges.changes.length === 1 ? '' : 's'} in the window${awsChanges.truncated ? ' (more events than one page; the newest shown)' : ''}`));
    if (awsChanges.changes.length === 0) box.append(el('p', { class: 'inv-empty' }, `No change recorded to ${awsChanges.lookedUp.map((l) => l.resource).join(', ')} in the window.`));
    else {
      const tbody = el('tbody', {});
      for (const c of awsChanges.changes) {
        tbody.append(el('tr', { 'data-event': c.eventName, 'data-resource': c.resource, 'data-at': String(c.at) },
          el('td', {}, time(c.at)), el('td', {}, c.what), el('td', { title: c.resource }, resourceName(c.resource)), el('td', {}, c.who),
          el('td', {}, button('Event', () => post({ type: 'openChange', eventId: c.eventId }), { class: 'link', 'data-action': 'open-change', title: `${c.eventName} in the CloudTrail console` }))));
      }
      box.append(el('table', { class: 'inv-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Time'), el('th', {}, 'What'), el('th', {}, 'Resource'), el('th', {}, 'Who'), el('th', {}, ''))), tbody));
    }
    if (awsChanges.failed.length) box.append(el('p', { class: 'inv-part-failed' }, `Not read: ${awsChanges.failed.map((f) => `${f.resource} (${f.error})`).join('; ')}`));
    changesBox.append(box);
  }
  if (commits?.unavailable) {
    changesBox.append(el('div', { class: 'inv-group', id: 'commits' }, el('h3', {}, 'In the repository'), el('p', { class: 'inv-empty' }, commits.unavailable)));
  } else if (commits) {
    const box = el('div', { class: 'inv-group', id: 'commits' }, el('h3', {}, `In ${commits.repository}: ${commits.commits.length} commit${commits.commits.length === 1 ? '' : 's'} in the window`));
    if (commits.commits.length === 0) box.append(el('p', { class: 'inv-empty' }, 'No commit in the window.'));
    else {
      box.append(el('ul', { class: 'inv-commits' }, ...commits.commits.map((c) => el('li', { 'data-commit': c.hash, 'data-definition': String(c.touchesDefinition) },
        button(c.hash.slice(0, 8), () => post({ type: 'openCommit', hash: c.hash }), { class: 'link', 'data-action': 'open-commit', title: 'Open its changes' }),
        ` ${time(c.at)} ${c.subject} — ${c.author}`,
        ...(c.touchesDefinition ? [el('span', { class: 'inv-tag', title: 'It changed the code that defines a related resource' }, 'infrastructure')] : [])))));
    }
    changesBox.append(box);
  }
  changesBox.hidden = false;
}

function renderHealth(d: HealthPartData): void {
  clear(healthBox);
  healthBox.append(el('h2', {}, 'Health endpoints'));
  const scope = d.endpoints.length ? d.endpoints.join(', ') : 'every endpoint';
  if (d.changes.length === 0) healthBox.append(el('p', { class: 'inv-empty' }, `No state change of ${scope} recorded in the window${d.recordedSince !== undefined ? ` (recorded since ${stamp(d.recordedSince)})` : ''}.`));
  else healthBox.append(el('ul', {}, ...d.changes.map((c) => el('li', { 'data-endpoint': c.endpoint }, `${time(c.at)} ${c.endpoint}: ${c.from} → ${c.to}${c.detail ? ` (${c.detail})` : ''}`))));
  healthBox.hidden = false;
}

function renderRelated(): void {
  if (!alarm) return;
  clear(relatedBox);
  relatedBox.append(el('h2', {}, 'Related resources'));
  const { related } = alarm;
  const named = new Set(related.logGroups.map((r) => r.name));
  // Groups found while gathering: a state machine's logging destination.
  const found = [...laneParts.values()].flatMap((p) => (p.data?.kind === 'logs' && !named.has(p.data.logGroup) ? [p.data.logGroup] : []));
  const rows = [
    ...related.logGroups.map((r) => ['Log group', r.name, `${r.from}: ${r.detail}`]),
    ...found.map((g) => ['Log group', g, 'stateMachine: its logging configuration']),
    ...related.stateMachines.map((r) => ['State machine', r.name, `${r.from}: ${r.detail}`]),
    ...related.healthEndpoints.map((r) => ['Health endpoint', r.name, `${r.from}: ${r.detail}`]),
  ];
  if (rows.length === 0) relatedBox.append(el('p', { class: 'inv-empty' }, 'None found: add the alarm to opsLens.alarms.related, or tag it with opsLens:logGroups.'));
  else relatedBox.append(el('table', { class: 'inv-table' }, el('tbody', {}, ...rows.map(([kind, name, from]) => el('tr', {}, el('td', {}, kind), el('td', {}, name), el('td', {}, from))))));
  relatedBox.hidden = false;
}

function renderRunbook(d: RunbookPartData): void {
  const box = document.getElementById('runbook');
  if (!box) return;
  clear(box);
  if (d.target) box.append(button(`Runbook: ${d.target}`, () => post({ type: 'openRunbook' }), { class: 'link', 'data-action': 'open-runbook', 'data-runbook': d.target }));
  else box.append('No runbook found');
  box.append(' · ', button('Go to Definition in Infrastructure Code', () => post({ type: 'goToDefinition' }), { class: 'link', 'data-action': 'go-to-definition' }));
}

let runbook: RunbookPartData | undefined;

function apply(update: PartUpdate): void {
  renderStatus(update);
  const d = update.data;
  if (update.status !== 'done' || !d) return;
  switch (d.kind) {
    case 'alarm':
      alarm = d;
      renderHead();
      if (runbook) renderRunbook(runbook);
      // The metric may have arrived first: it is drawn on the alarm's window (a log alarm's query shows instead).
      if (metric || d.logQuery) renderMetric();
      renderRelated();
      if (awsChanges || commits) renderChanges();
      renderLanes();
      return;
    case 'metric':
      metric = d;
      renderMetric();
      renderLanes();
      return;
    case 'runbook':
      runbook = d;
      renderRunbook(d);
      return;
    case 'logs':
      laneParts.set(update.id, update);
      renderLogs(d);
      renderLanes();
      renderRelated();
      return;
    case 'executions':
      laneParts.set(update.id, update);
      renderExecutions(d);
      renderLanes();
      return;
    case 'health':
      laneParts.set(update.id, update);
      renderHealth(d);
      renderLanes();
      return;
    case 'children':
      laneParts.set(update.id, update);
      renderLanes();
      return;
    case 'changes':
      awsChanges = d;
      renderChanges();
      renderLanes();
      return;
    case 'commits':
      commits = d;
      renderChanges();
      renderLanes();
      return;
  }
}

function reset(h: InvestigationHeader): void {
  header = h;
  alarm = undefined;
  metric = undefined;
  runbook = undefined;
  awsChanges = undefined;
  commits = undefined;
  changesBox.hidden = true;
  chart?.destroy();
  chart = undefined;
  laneParts.clear();
  statusItems.clear();
  firstPainted = false;
  clear(statusList);
  statusLine.textContent = 'Gathering…';
  statusBox.open = true;
  delete statusBox.dataset.failed;
  clear(metricBox);
  metricBox.hidden = true;
  clear(lanes);
  for (const box of [errorsBox, executionsBox]) {
    for (const child of Array.from(box.children)) if (child.tagName !== 'H2') child.remove();
    box.hidden = true;
  }
  healthBox.hidden = true;
  relatedBox.hidden = true;
  renderHead();
  setState('loading');
  delete document.body.dataset.ready;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as InvestigationHostMessage | null;
  if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
  const arrived = performance.now();
  try {
    switch (message.type) {
      case 'start':
        reset(message.header);
        return;
      case 'part': {
        apply(message.update);
        if (!firstPainted && message.update.status === 'done' && message.update.data) {
          firstPainted = true;
          const id = message.update.id;
          // Painted: after the next frame has been drawn with this part in it.
          requestAnimationFrame(() => setTimeout(() => post({ type: 'painted', partId: id, ms: performance.now() - arrived }), 0));
        }
        return;
      }
      case 'complete':
        collapseStatus();
        setState('ready');
        alignLanes();
        document.body.dataset.ready = 'true';
        return;
      case 'saved': {
        const saved = document.getElementById('saved');
        if (saved) saved.textContent = message.message;
        return;
      }
      case 'theme':
        renderMetric();
        return;
      case 'timeZone':
        setPageZone(message.zone);
        renderHead();
        if (runbook) renderRunbook(runbook);
        renderMetric();
        renderLanes();
        return;
    }
  } catch (err) {
    post({ type: 'error', message: `drawing failed: ${err instanceof Error ? err.message : String(err)}` });
  }
});

onThemeChange(() => renderMetric());
window.addEventListener('resize', () => alignLanes());
window.addEventListener('error', (event) => post({ type: 'error', message: String(event.message) }));
setState('loading');
post({ type: 'ready' });

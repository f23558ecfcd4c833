import { classifyStatus, type Component } from '../components';
import type { HealthState } from '../model';
import { worstState, type HealthReport } from './report';
import { ENVOY_STATES } from './servers';

const MAX_LINES = 2000;
/** Words that, alone or first on a text body, are a verdict (not `maintenance`, `busy`: a state an expected status may mean). */
const VERDICTS = new Set(['healthy', 'unhealthy', 'degraded', 'ok', 'up', 'down', 'pass', 'passed', 'passing', 'fail', 'failed', 'failure', 'error', 'critical', 'warn', 'warning', 'out_of_service', 'unavailable']);

function verdict(word: string): HealthState {
  return VERDICTS.has(word.toLowerCase()) ? classifyStatus(word) : 'unknown';
}
const MAX_LINE = 1000;

/** The first `max` lines of `text`, each cut at MAX_LINE characters (a 1 MB body is never split whole). */
function lines(text: string, max = MAX_LINES): string[] {
  const out: string[] = [];
  let at = 0;
  while (at <= text.length && out.length < max) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    out.push(text.slice(at, Math.min(end, at + MAX_LINE)).replace(/\r$/, ''));
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

/**
 * Kubernetes `/livez?verbose`, `/readyz?verbose`, `/healthz?verbose`: `[+]ping ok`, `[-]etcd failed: reason withheld`,
 * `[+]shutdown excluded: ok`, then `readyz check passed` or `readyz check failed`.
 */
export function readKubernetesVerbose(text: string): HealthReport | undefined {
  const checks: Component[] = [];
  let verdict: { text: string; state: HealthState } | undefined;
  for (const line of lines(text)) {
    const t = line.trim();
    if (t.startsWith('[+]') || t.startsWith('[-]')) {
      const passed = t[1] === '+';
      const rest = t.slice(3);
      const space = rest.indexOf(' ');
      const name = space < 0 ? rest : rest.slice(0, space);
      const said = space < 0 ? '' : rest.slice(space + 1).trim();
      const failed = /^failed:?\s*/.exec(said);
      checks.push({
        name,
        path: `[${checks.length}]`,
        status: passed ? said || 'ok' : 'failed',
        state: passed ? 'healthy' : 'down',
        ...(!passed && failed && said.length > failed[0].length ? { message: said.slice(failed[0].length) } : {}),
        details: [],
      });
      continue;
    }
    const end = /^(\w{1,20}) check (passed|failed)$/.exec(t);
    if (end) verdict = { text: t, state: end[2] === 'passed' ? 'healthy' : 'down' };
  }
  if (!checks.length) return undefined;
  const overall = verdict ?? { text: worstState(checks) === 'down' ? 'a check failed' : 'all checks passed', state: worstState(checks) };
  const failed = checks.filter((c) => c.state === 'down').length;
  return { format: 'Kubernetes verbose health', overall, checks, summary: `${overall.text} (${failed ? `${failed} of ${checks.length} checks failed` : `${checks.length} checks passed`})` };
}

/**
 * A body of one short line: ASP.NET Core's default writer (`Healthy`, `Degraded` — with HTTP 200 — or
 * `Unhealthy`), `OK`, `UP`. Its word is the service's verdict.
 */
export function readStatusWord(text: string): HealthReport | undefined {
  const t = text.trim();
  if (t.length > 64 || t.includes('\n')) return undefined;
  if (t in ENVOY_STATES) return { format: 'Envoy', overall: { text: t, state: ENVOY_STATES[t] }, checks: [], summary: t };
  const state = verdict(t);
  if (state === 'unknown') return undefined;
  const aspnet = t === 'Healthy' || t === 'Degraded' || t === 'Unhealthy';
  return { format: aspnet ? 'ASP.NET Core health checks (text)' : 'status word', overall: { text: t, state }, checks: [], summary: t };
}

/** Any other text: its first line, and a verdict only when that line starts with a word that is one (`ERROR: …`, `FAIL`). */
export function readOtherText(text: string, excerpt: (t: string) => string): HealthReport {
  const first = lines(text, 40).find((l) => l.trim() !== '') ?? '';
  const word = /^[\s[(]*([A-Za-z][\w-]{0,30})/.exec(first)?.[1] ?? '';
  const state = verdict(word);
  const summary = excerpt(text.slice(0, 4000));
  return state === 'down' || state === 'degraded' ? { overall: { text: word, state }, checks: [], summary } : { checks: [], summary };
}

/**
 * Rails' `/up` (Rails::HealthController): a bare HTML page, green with HTTP 200 when the app booted, red with
 * HTTP 500 when it raised.
 */
export function readRailsUp(text: string): HealthReport | undefined {
  if (text.length > 2000 || !/<html/i.test(text)) return undefined;
  const colour = /<body[^>]{0,200}background-color:\s*(green|red)/i.exec(text)?.[1]?.toLowerCase();
  if (!colour) return undefined;
  return { format: 'Rails /up', overall: { text: colour, state: colour === 'green' ? 'healthy' : 'down' }, checks: [], summary: colour === 'green' ? 'the application booted' : 'the application raised an error' };
}

/** `Prometheus Server is Healthy.`, `… is Ready.`, `… is not ready.`, `Service Unavailable`: Prometheus's and Alertmanager's probes. */
export function readServerSentence(text: string): HealthReport | undefined {
  const t = text.trim();
  if (t.length > 120 || t.includes('\n')) return undefined;
  const m = /^([A-Za-z][\w .-]{0,60}?) is (not )?(healthy|ready)\.?$/i.exec(t);
  if (!m) return undefined;
  return { format: /prometheus|alertmanager/i.test(m[1]) ? 'Prometheus' : 'status sentence', overall: { text: t, state: m[2] ? 'down' : 'healthy' }, checks: [], summary: t };
}

const CAT_COLOUR: Record<string, HealthState> = { green: 'healthy', yellow: 'degraded', red: 'down' };

/** Elasticsearch and OpenSearch `_cat/health` (with or without `?v`): `epoch timestamp cluster status node.total …`. */
export function readCatHealth(text: string): HealthReport | undefined {
  const rows = lines(text, 3).map((l) => l.trim()).filter(Boolean);
  const row = rows.find((l) => /^\d{9,13}\s+\d{2}:\d{2}:\d{2}\s+\S+\s+(green|yellow|red)\b/.test(l));
  if (!row) return undefined;
  const [, , cluster, status] = row.split(/\s+/);
  return { format: 'Elasticsearch cluster health', overall: { text: status, state: CAT_COLOUR[status] }, checks: [], summary: `${cluster} is ${status}` };
}

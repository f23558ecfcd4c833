import { bodyExcerpt, type ParsedBody } from '../body';
import { extractComponents, isObject, ownStatus } from '../components';
import { readConsul } from './consul';
import { readBooleanFields, readDjango } from './flat';
import { readHealthJson } from './healthJson';
import { readDropwizardHealth, readDropwizardMap, readGitLab, readHeptio, readPyHealthcheck, readSpatie } from './libraries';
import { overallOf, type HealthReport, type ReadContext } from './report';
import { readClusterHealth, readEnvoyServerInfo, readEtcd, readGrafana, readHealthReport, readRabbitMq, readVault } from './servers';
import { readAspNetJson, readGoDetails, readHealthGo, readMicroProfile, readSpringBoot, readTerminus } from './statusTrees';
import { readCatHealth, readKubernetesVerbose, readOtherText, readRailsUp, readServerSentence, readStatusWord } from './text';

export type { HealthReport } from './report';

const JSON_READERS: readonly ((json: unknown, context: ReadContext) => HealthReport | undefined)[] = [
  readVault,
  readClusterHealth,
  readHealthReport,
  readConsul,
  (json, context) => readHealthJson(json, context.contentType),
  readGitLab,
  readSpatie,
  readPyHealthcheck,
  readDropwizardHealth,
  readDropwizardMap,
  readEtcd,
  readGrafana,
  readEnvoyServerInfo,
  readRabbitMq,
  readSpringBoot,
  readMicroProfile,
  readAspNetJson,
  readTerminus,
  readGoDetails,
  readHealthGo,
  readDjango,
  readHeptio,
  readBooleanFields,
];

/** "a JSON object with totalGenerations, activeGenerations, … (16 keys)", "a JSON list of 3 items". */
function describeJson(json: unknown): string {
  if (Array.isArray(json)) return `a JSON list of ${json.length} item${json.length === 1 ? '' : 's'}`;
  if (!isObject(json)) return `the JSON value ${bodyExcerpt(JSON.stringify(json), 60)}`;
  const keys = Object.keys(json);
  if (!keys.length) return 'an empty JSON object';
  const shown = keys.slice(0, 4).map((k) => (k.length > 30 ? `${k.slice(0, 29)}…` : k)).join(', ');
  return `a JSON object with ${shown}${keys.length > 4 ? `, … (${keys.length} keys)` : ''}`;
}

/** An `error` the body gives with no status of its own: the body contradicts a healthy answer. */
function errorField(json: Record<string, unknown>): HealthReport['overall'] {
  const error = json.error;
  if (typeof error === 'string' && error.trim()) return overallOf('error', 'down', error);
  if (isObject(error) && Object.keys(error).length) return overallOf('error', 'down', typeof error.message === 'string' ? error.message : undefined);
  return undefined;
}

const REASON_KEYS = ['reason', 'message', 'error', 'output', 'details', 'description'];

/** The words a body gives beside a failing status of its own (`{"status":"failed","reason":"…"}`). */
function reasonOf(json: unknown): string | undefined {
  if (!isObject(json)) return undefined;
  for (const k of REASON_KEYS) if (typeof json[k] === 'string' && (json[k] as string).trim()) return json[k] as string;
  return undefined;
}

/** The generic reading: a `status` of its own and checks under the usual keys, or top-level values that read as a status. */
function readGeneric(json: unknown): HealthReport {
  const own = ownStatus(json);
  const checks = extractComponents(json);
  const overall = own ? overallOf(own.text, own.state, own.state === 'down' || own.state === 'degraded' ? reasonOf(json) : undefined) : isObject(json) ? errorField(json) : undefined;
  return { overall, checks, ...(!own && !checks.length ? { summary: describeJson(json) } : {}) };
}

/**
 * What a health body says, in the shape the framework that wrote it uses: Spring Boot Actuator and Micronaut,
 * the IETF health+json draft, ASP.NET Core (JSON and text), MicroProfile Health (Quarkus, Keycloak),
 * @nestjs/terminus, Kubernetes verbose text, Go libraries, Consul, Vault, Elasticsearch and OpenSearch, etcd,
 * RabbitMQ, Grafana, Envoy, Prometheus, Rails `/up`, GitLab, Dropwizard, spatie/laravel-health,
 * py-healthcheck, heptiolabs/healthcheck, django-health-check and boolean fields; else a generic reading and
 * a summary. The HTTP status is passed so a format may say what its documented statuses mean.
 */
export function readHealthBody(body: ParsedBody, contentType?: string, status?: number): HealthReport {
  const context: ReadContext = { contentType, status };
  switch (body.kind) {
    case 'empty':
    case 'badJson':
      return { checks: [] };
    case 'text':
      return readKubernetesVerbose(body.text) ?? readRailsUp(body.text) ?? readStatusWord(body.text) ?? readServerSentence(body.text) ?? readCatHealth(body.text) ?? readOtherText(body.text, (t) => bodyExcerpt(t));
    case 'json':
      for (const read of JSON_READERS) {
        const report = read(body.value, context);
        if (report) return report;
      }
      return readGeneric(body.value);
  }
}

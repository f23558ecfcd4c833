import { bodyExcerpt, type ParsedBody } from '../body';
import { extractComponents, isObject, ownStatus } from '../components';
import { readConsul } from './consul';
import { readBooleanFields, readDjango } from './flat';
import { readHealthJson } from './healthJson';
import { overallOf, type HealthReport } from './report';
import { readAspNetJson, readGoDetails, readHealthGo, readMicroProfile, readSpringBoot, readTerminus } from './statusTrees';
import { readKubernetesVerbose, readOtherText, readStatusWord } from './text';

export type { HealthReport } from './report';

const JSON_READERS: readonly ((json: unknown, contentType?: string) => HealthReport | undefined)[] = [
  readConsul,
  readHealthJson,
  readSpringBoot,
  readMicroProfile,
  readAspNetJson,
  readTerminus,
  readGoDetails,
  readHealthGo,
  readDjango,
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

/** The generic reading: a `status` of its own and checks under the usual keys, or top-level values that read as a status. */
function readGeneric(json: unknown): HealthReport {
  const own = ownStatus(json);
  const checks = extractComponents(json);
  const overall = own ? overallOf(own.text, own.state) : isObject(json) ? errorField(json) : undefined;
  return { overall, checks, ...(!own && !checks.length ? { summary: describeJson(json) } : {}) };
}

/**
 * What a health body says, in the shape the framework that wrote it uses: Spring Boot Actuator, the IETF
 * health+json draft, ASP.NET Core (JSON and text), MicroProfile Health, @nestjs/terminus, Kubernetes verbose
 * text, Go libraries, Consul, django-health-check and boolean fields; else a generic reading and a summary.
 */
export function readHealthBody(body: ParsedBody, contentType?: string): HealthReport {
  switch (body.kind) {
    case 'empty':
    case 'badJson':
      return { checks: [] };
    case 'text':
      return readKubernetesVerbose(body.text) ?? readStatusWord(body.text) ?? readOtherText(body.text, (t) => bodyExcerpt(t));
    case 'json':
      for (const read of JSON_READERS) {
        const report = read(body.value, contentType);
        if (report) return report;
      }
      return readGeneric(body.value);
  }
}

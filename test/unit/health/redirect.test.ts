import { strict as assert } from 'node:assert';
import { addressScope } from '../../../src/core/health/addresses';
import { nextHop, type HopRequest, type NextHop, type RedirectRules } from '../../../src/core/health/redirect';

const rules = (visited: string[], extra: Partial<RedirectRules> = {}): RedirectRules => ({ visited, maxRedirects: 3, ...extra });
const PUBLIC_ADDRESS = '203.0.113.7';
const start: HopRequest = { url: 'https://status.example.com/health', method: 'POST', headers: { Authorization: 'Bearer t', 'X-Api-Key': 'k', Accept: 'application/json', 'Content-Type': 'application/json' }, body: '{"token":"s"}' };

function followed(hop: NextHop): Extract<NextHop, { kind: 'follow' }> {
  assert.equal(hop.kind, 'follow', JSON.stringify(hop));
  return hop as Extract<NextHop, { kind: 'follow' }>;
}

function refused(hop: NextHop): Extract<NextHop, { kind: 'refuse' }> {
  assert.equal(hop.kind, 'refuse', JSON.stringify(hop));
  return hop as Extract<NextHop, { kind: 'refuse' }>;
}

describe('health: where an address points', () => {
  const cases: [string, string | undefined][] = [
    ['8.8.8.8', 'public'], ['172.32.0.1', 'public'], ['2001:4860:4860::8888', 'public'], ['::ffff:8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['::1', 'loopback'], ['[::1]', 'loopback'], ['::ffff:127.0.0.1', 'loopback'],
    ['169.254.169.254', 'linkLocal'], ['fe80::1', 'linkLocal'], ['fe80::1%eth0', 'linkLocal'], ['[febf::1]', 'linkLocal'], ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['fd12:3456::1', 'private'], ['::ffff:a00:1', 'private'],
    ['0.0.0.0', 'reserved'], ['::', 'reserved'], ['224.0.0.1', 'reserved'], ['255.255.255.255', 'reserved'], ['ff02::1', 'reserved'], ['::10.0.0.1', 'reserved'],
    ['localhost', undefined], ['metadata.google.internal', undefined], ['256.1.1.1', undefined], ['1.2.3', undefined], ['1::2::3', undefined], ['1:2:3:4:5:6:7:8:9', undefined],
  ];
  for (const [address, scope] of cases) {
    it(`${address} → ${scope ?? 'not an address'}`, () => assert.equal(addressScope(address), scope));
  }
});

describe('health: what a redirect becomes (nextHop)', () => {
  it('another origin keeps only headers that cannot carry a credential; a 303 becomes a GET without body', () => {
    const hop = followed(nextHop(start, { status: 303, location: 'https://other.example.com/done', remoteAddress: PUBLIC_ADDRESS }, rules([start.url])));
    assert.deepEqual(hop.request, { url: 'https://other.example.com/done', method: 'GET', headers: { Accept: 'application/json' } });
    assert.equal(hop.publicOnly, true, 'a name reached from a public address must resolve to public addresses');
  });

  it('a 307/308 keeps method and body within the origin, and stops at another origin instead of carrying the body there', () => {
    const same = followed(nextHop(start, { status: 308, location: '/v2/health', remoteAddress: PUBLIC_ADDRESS }, rules([start.url])));
    assert.deepEqual(same.request, { ...start, url: 'https://status.example.com/v2/health' });
    const other = refused(nextHop(start, { status: 307, location: 'https://collector.example.net/c', remoteAddress: PUBLIC_ADDRESS }, rules([start.url])));
    assert.equal(other.code, 'badRedirect');
    assert.match(other.message, /^HTTP 307 redirect to another origin \(https:\/\/collector\.example\.net\/c\); the request body is not sent to another origin/);
    const bodiless = followed(nextHop({ ...start, method: 'GET', body: undefined }, { status: 307, location: 'https://collector.example.net/c', remoteAddress: PUBLIC_ADDRESS }, rules([start.url])));
    assert.equal(bodiless.request.method, 'GET');
  });

  it('from a public address: never to this machine, the local link or a private network', () => {
    for (const location of ['http://127.0.0.1:8080/admin', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5/', 'http://[fd00::5]/', 'http://0x7f.1/', 'http://2130706433/']) {
      const hop = refused(nextHop({ ...start, body: undefined }, { status: 302, location, remoteAddress: PUBLIC_ADDRESS }, rules([start.url])));
      assert.match(hop.message, /^https:\/\/status\.example\.com\/health, a public address, redirected to http:\/\/\S+ on (this machine \(loopback\)|a link-local address|a private network); a redirect from the internet to this machine or a private network is not followed$/, location);
    }
  });

  it('from this machine or a private network: anywhere (a local service may send the check to another)', () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '10.1.2.3']) {
      const hop = followed(nextHop({ ...start, url: 'http://127.0.0.1:3000/health', body: undefined }, { status: 302, location: 'http://10.0.0.5/health', remoteAddress }, rules(['http://127.0.0.1:3000/health'])));
      assert.equal(hop.publicOnly, false);
    }
  });

  it('an unknown remote address counts as public; an injected classification decides what is public', () => {
    refused(nextHop({ ...start, body: undefined }, { status: 302, location: 'http://127.0.0.1/' }, rules([start.url])));
    const played = (a: string) => (a === '127.0.0.2' ? 'public' as const : addressScope(a));
    refused(nextHop({ ...start, body: undefined }, { status: 302, location: 'http://127.0.0.1/', remoteAddress: '127.0.0.2' }, rules([start.url], { scopeOf: played })));
    followed(nextHop({ ...start, body: undefined }, { status: 302, location: 'http://127.0.0.1/', remoteAddress: '127.0.0.3' }, rules([start.url], { scopeOf: played })));
  });

  it('loops, too many redirects and other schemes are refused', () => {
    assert.equal(refused(nextHop(start, { status: 301, location: start.url }, rules([start.url]))).code, 'redirectLoop');
    assert.equal(refused(nextHop(start, { status: 301, location: '/4' }, rules([start.url, 'https://status.example.com/1', 'https://status.example.com/2', 'https://status.example.com/3']))).code, 'tooManyRedirects');
    assert.equal(refused(nextHop(start, { status: 302, location: 'file:///etc/passwd' }, rules([start.url]))).message, 'Redirected to file: (file:///etc/passwd); only http and https redirects are followed');
    assert.equal(refused(nextHop(start, { status: 302, location: 'http://[::1' }, rules([start.url]))).message, 'HTTP 302 redirect to "http://[::1", which is not a valid URL');
  });
});

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { foreignOrigin, ownHost, refusal } from '../../../src/serve/own-host.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('ownHost', () => {
  it('answers to localhost, 127.0.0.1 and [::1] with the port, in any case', () => {
    expect(ownHost('localhost:4173', 4173)).toBe(true);
    expect(ownHost('127.0.0.1:4173', 4173)).toBe(true);
    expect(ownHost('[::1]:4173', 4173)).toBe(true);
    expect(ownHost('LocalHost:4173', 4173)).toBe(true);
  });

  it('refuses a rebound name, another port, a missing port off 80, and no Host at all', () => {
    expect(ownHost('evil.example:4173', 4173)).toBe(false);
    expect(ownHost('localhost:8080', 4173)).toBe(false);
    expect(ownHost('localhost', 4173)).toBe(false);
    expect(ownHost('localhost.evil.example:4173', 4173)).toBe(false);
    expect(ownHost(undefined, 4173)).toBe(false);
  });

  it('on port 80 the port may be left out', () => {
    expect(ownHost('localhost', 80)).toBe(true);
  });
});

describe('foreignOrigin', () => {
  it('no Origin (a typed address) and its own origin are not foreign; another site is', () => {
    expect(foreignOrigin(undefined, 4173)).toBe(false);
    expect(foreignOrigin('http://localhost:4173', 4173)).toBe(false);
    expect(foreignOrigin('https://evil.example', 4173)).toBe(true);
    expect(foreignOrigin('http://localhost:9999', 4173)).toBe(true);
    expect(foreignOrigin('null', 4173)).toBe(true);
  });
});

describe('refusal', () => {
  it('a foreign Host is 421, a foreign Origin 403, its own page nothing', () => {
    expect(refusal(req({ host: 'evil.example:4173' }), 4173)).toEqual({
      status: 421,
      text: 'misdirected request: this server answers only to localhost:4173, 127.0.0.1:4173 and [::1]:4173',
    });
    expect(refusal(req({ host: 'localhost:4173', origin: 'https://evil.example' }), 4173)).toEqual({ status: 403, text: 'forbidden: a page of another origin may not read this server' });
    expect(refusal(req({ host: 'localhost:4173', origin: 'http://localhost:4173' }), 4173)).toBeUndefined();
  });
});

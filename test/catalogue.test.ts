import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { requireParam, urlEncode } from '../src/loadmaster/catalogue.js';
import { PARAMETERS } from '../src/loadmaster/parameters.js';

test('a parameter name the appliance would ignore is an error, named in the message', () => {
  assert.throws(() => requireParam('Patterns', 'rule', '/x/'), /Patterns is not a rule parameter/);
  assert.throws(() => requireParam('EnableESP', 'vs', true), /EnableESP is not a vs parameter/);
  // Names are matched exactly: the catalogue is the one spelling the compiler emits.
  assert.throws(() => requireParam('TLSType', 'vs', 3), /not a vs parameter/);
});

test('a value outside the allowed set is an error', () => {
  assert.throws(() => requireParam('Persist', 'vs', 'None'), /Persist takes one of none, /);
  assert.throws(() => requireParam('CheckType', 'vs', 'imap4'), /CheckType takes one of/);
  assert.throws(() => requireParam('CipherSet', 'vs', 'BestPractice'), /CipherSet takes one of/);
  assert.throws(() => requireParam('ServerInit', 'vs', 7), /ServerInit must lie in 0-6/);
  assert.throws(() => requireParam('StartTLSMode', 'vs', 5), /StartTLSMode has no documented meaning for 5/);
  assert.throws(() => requireParam('ForceL7', 'vs', 1), /ForceL7 takes a boolean/);
  assert.is(requireParam('StartTLSMode', 'vs', 6).name, 'StartTLSMode');
});

test('every catalogued parameter has a meaning, a source and a confidence, and one spelling per scope', () => {
  const keys = new Set<string>();
  for (const p of PARAMETERS) {
    assert.ok(p.meaning && p.source, p.name);
    assert.ok(['official', 'code', 'inferred', 'unknown'].includes(p.confidence), p.name);
    const key = `${p.scope}:${p.name.toLowerCase()}`;
    assert.not.ok(keys.has(key), `${p.name} is catalogued twice in ${p.scope}`);
    keys.add(key);
  }
});

test('URL encoding follows the guide: everything but RFC 3986 unreserved characters', () => {
  assert.is(urlEncode('/^\\/owa.*/'), '%2F%5E%5C%2Fowa.%2A%2F');
  assert.is(urlEncode('Exchange HTTPS Offloaded'), 'Exchange%20HTTPS%20Offloaded');
  assert.is(urlEncode("a!b'(c)~_-"), 'a%21b%27%28c%29~_-');
});

test.run();

// Unit tests of the plain-text helpers (intro paragraphs, the tags input and how the server keeps
// tags, links, colours, the delete question, invitation states, moving in a list): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  deleteQuestion,
  externalUrl,
  invitationProblem,
  mailtoHref,
  moved,
  normalizeHex,
  normalizeTag,
  normalizeTags,
  paragraphs,
  parseTags,
  tagsText,
} from '../src/text.ts';

test('paragraphs are separated by blank lines', () => {
  assert.deepEqual(paragraphs('Welcome!\n\nStart with the video.\nThen the handout.'), [
    'Welcome!',
    'Start with the video.\nThen the handout.',
  ]);
});

test('paragraphs: CRLF, whitespace-only lines and extra blank lines', () => {
  assert.deepEqual(paragraphs('  One\r\n \r\n\r\n\tTwo  \n\n\n'), ['One', 'Two']);
});

test('paragraphs of nothing', () => {
  assert.deepEqual(paragraphs(''), []);
  assert.deepEqual(paragraphs(null), []);
  assert.deepEqual(paragraphs(' \n\n '), []);
});

test('tags are comma separated, trimmed, without # and duplicates', () => {
  assert.deepEqual(parseTags(' Safety, forklift   training ,#safety,, ##ppe\nfirst aid'), [
    'Safety',
    'forklift training',
    'ppe',
    'first aid',
  ]);
  assert.deepEqual(parseTags(''), []);
  assert.deepEqual(parseTags(' , ,# '), []);
});

test('tags round-trip through the input text', () => {
  const tags = ['safety', 'forklift-training'];
  assert.equal(tagsText(tags), 'safety, forklift-training');
  assert.deepEqual(parseTags(tagsText(tags)), tags);
});

test('only http(s) links leave the app', () => {
  assert.equal(externalUrl('https://example.com/a?b=1'), 'https://example.com/a?b=1');
  assert.equal(externalUrl('http://example.com'), 'http://example.com/');
  assert.equal(externalUrl('javascript:alert(1)'), null);
  assert.equal(externalUrl('data:text/html,hi'), null);
  assert.equal(externalUrl('/relative'), null);
  assert.equal(externalUrl(null), null);
});

test('mailto links', () => {
  assert.equal(mailtoHref('ana@example.com'), 'mailto:ana@example.com');
  assert.equal(
    mailtoHref(' ana+x@example.com ', 'Question about #safety'),
    'mailto:ana%2Bx@example.com?subject=Question%20about%20%23safety',
  );
  assert.equal(mailtoHref('not an address'), null);
  assert.equal(mailtoHref('a@b.c?cc=evil@x.y'), null);
});

test('colour fields: #rrggbb, short form, empty for the default', () => {
  assert.equal(normalizeHex('#1A4D8F'), '#1a4d8f');
  assert.equal(normalizeHex(' 1a4d8f '), '#1a4d8f');
  assert.equal(normalizeHex('#abc'), '#aabbcc');
  assert.equal(normalizeHex(''), null);
  assert.equal(normalizeHex('   '), null);
  assert.equal(normalizeHex('blue'), undefined);
  assert.equal(normalizeHex('#12345'), undefined);
  assert.equal(normalizeHex('#1a4d8f;x'), undefined);
});

test('tags are normalised as the server keeps them', () => {
  assert.equal(normalizeTag(' Forklift  Safety '), 'forklift-safety');
  assert.equal(normalizeTag('#PPE'), 'ppe');
  assert.equal(normalizeTag('x'.repeat(50)).length, 40);
  assert.deepEqual(normalizeTags('Forklift, forklift , first aid, #Safety'), ['forklift', 'first-aid', 'safety']);
  assert.equal(normalizeTags(Array.from({ length: 30 }, (_, i) => `t${i}`).join(',')).length, 20);
});

test('the delete question names the playlists that lose the item', () => {
  assert.equal(deleteQuestion('link', 'Guide', []), 'Delete the link “Guide”? It is in no playlist. This cannot be undone.');
  assert.equal(
    deleteQuestion('handout', 'Checklist', ['Week one']),
    'Delete the handout “Checklist”? It is in 1 playlist, which loses it: Week one. This cannot be undone.',
  );
  assert.match(deleteQuestion('video', 'Intro', ['A', 'B'], 'Its handouts go with it.'), /in 2 playlists, which lose it: A, B\. Its handouts go with it\./);
});

test('used, expired and withdrawn invitations say so', () => {
  assert.equal(invitationProblem('open'), null);
  assert.match(invitationProblem('accepted')!, /already used/);
  assert.match(invitationProblem('expired')!, /expired/);
  assert.match(invitationProblem('withdrawn')!, /withdrawn/);
});

test('moving an element of a list', () => {
  assert.deepEqual(moved(['a', 'b', 'c'], 2, -1), ['a', 'c', 'b']);
  assert.deepEqual(moved(['a', 'b', 'c'], 0, 1), ['b', 'a', 'c']);
  assert.equal(moved(['a', 'b'], 0, -1), null);
  assert.equal(moved(['a', 'b'], 1, 1), null);
});

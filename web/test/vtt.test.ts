// Unit tests of the WebVTT reading behind the transcript (cues, timestamps, the cue at a time):
// `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueIndexAt, cueText, parseTimestamp, parseVtt, preferredCaption, transcriptIndexAt, vttTimestamp } from '../src/vtt.ts';

test('timestamps: WebVTT long and short forms, SRT commas', () => {
  assert.equal(parseTimestamp('00:00:01.000'), 1);
  assert.equal(parseTimestamp('01:02:03.500'), 3723.5);
  assert.equal(parseTimestamp('02:03.250'), 123.25);
  assert.equal(parseTimestamp('00:00:42,460'), 42.46);
  assert.equal(parseTimestamp('00:00:01.5'), 1.5); // a short fraction is tenths, not thousandths
  assert.equal(parseTimestamp('00:01'), 1); // minutes and seconds without a fraction
  assert.equal(parseTimestamp('1:60:00.000'), null); // 60 minutes
  assert.equal(parseTimestamp('00:00:61.000'), null);
  assert.equal(parseTimestamp('soon'), null);
  assert.equal(parseTimestamp(''), null);
});

test('timestamps: written back in the long form', () => {
  assert.equal(vttTimestamp(0), '00:00:00.000');
  assert.equal(vttTimestamp(83.5), '00:01:23.500');
  assert.equal(vttTimestamp(3723.004), '01:02:03.004');
  assert.equal(vttTimestamp(-3), '00:00:00.000');
  assert.equal(parseTimestamp(vttTimestamp(4321.123)), 4321.123);
});

test('a WebVTT file: header, identifiers, settings, NOTE and STYLE skipped', () => {
  const cues = parseVtt(
    [
      '\uFEFFWEBVTT - made by hand',
      'Kind: captions',
      '',
      'NOTE the forklift part',
      'is below',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:00:01.000 --> 00:00:04.000 align:start position:10%',
      'Welcome to the warehouse.',
      '',
      '00:00:04.500 --> 00:00:07.000',
      'Forklifts drive on the left,',
      'always.',
      '',
    ].join('\r\n'),
  );
  assert.deepEqual(cues, [
    { start: 1, end: 4, text: 'Welcome to the warehouse.' },
    { start: 4.5, end: 7, text: 'Forklifts drive on the left, always.' },
  ]);
});

test('cue text: tags dropped, voices kept as the speaker, entities decoded', () => {
  assert.deepEqual(cueText('<v Anna>Check the <b>brakes</b> &amp; the horn</v>'), {
    text: 'Check the brakes & the horn',
    voice: 'Anna',
  });
  assert.deepEqual(cueText('<v.loud Chief Jones>Stop!'), { text: 'Stop!', voice: 'Chief Jones' });
  assert.deepEqual(cueText('It <00:00:02.000>costs &lt;5&gt; &#x20AC; &#8364;&nbsp;a day'), { text: 'It costs <5> € €\u00a0a day' });
  assert.deepEqual(cueText('<c.yellow>  spaced  </c>\n\n second line '), { text: 'spaced second line' });
  assert.deepEqual(cueText('&bogus; &#0;'), { text: '&bogus; &#0;' });
});

test('an SRT file reads too (numbers, commas, no header)', () => {
  const cues = parseVtt('1\n00:00:00,500 --> 00:00:02,000\nHello\n\n2\n00:00:02,000 --> 00:00:03,000\nthere\n');
  assert.deepEqual(cues.map((c) => [c.start, c.end, c.text]), [
    [0.5, 2, 'Hello'],
    [2, 3, 'there'],
  ]);
});

test('broken cues are skipped, the rest kept, in time order', () => {
  const cues = parseVtt(
    [
      'WEBVTT',
      '',
      '00:00:09.000 --> 00:00:10.000',
      'late',
      '',
      '00:00:05.000 --> 00:00:04.000',
      'ends before it starts',
      '',
      'no timing here',
      '',
      'a',
      'b',
      '00:00:01.000 --> 00:00:02.000',
      'timing on the third line',
      '',
      '00:00:03.000 --> 00:00:04.000',
      '',
      '00:00:02.000 --> 00:00:03.000',
      '<i></i>',
      '',
      '00:00:02.000 --> 00:00:03.000',
      'early',
    ].join('\n'),
  );
  assert.deepEqual(cues.map((c) => c.text), ['early', 'late']);
  assert.deepEqual(parseVtt(''), []);
  assert.deepEqual(parseVtt('WEBVTT\n'), []);
});

const CUES = parseVtt(
  'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\none\n\n00:00:05.000 --> 00:00:08.000\ntwo\n\n' +
    '00:00:06.000 --> 00:00:07.000\nthree (over two)\n\n00:00:08.000 --> 00:00:09.000\nfour\n',
);

test('the cue at a time: inside, between, overlapping, at the edges', () => {
  assert.equal(cueIndexAt(CUES, 0), -1); // before the first
  assert.equal(cueIndexAt(CUES, 1), 0); // a cue starts at its start…
  assert.equal(cueIndexAt(CUES, 2.99), 0);
  assert.equal(cueIndexAt(CUES, 3), -1); // …and is over at its end
  assert.equal(cueIndexAt(CUES, 4), -1);
  assert.equal(cueIndexAt(CUES, 5.5), 1);
  assert.equal(cueIndexAt(CUES, 6.5), 2); // of two, the one that started last
  assert.equal(cueIndexAt(CUES, 7.5), 1); // the long one again when the short one ends
  assert.equal(cueIndexAt(CUES, 8), 3); // "two" ends where "four" starts
  assert.equal(cueIndexAt(CUES, 100), -1);
  assert.equal(cueIndexAt([], 1), -1);
});

test('the transcript line to highlight stays on the cue just said in a pause', () => {
  assert.equal(transcriptIndexAt(CUES, 0.5), -1);
  assert.equal(transcriptIndexAt(CUES, 2), 0);
  assert.equal(transcriptIndexAt(CUES, 4), 0); // the pause after "one"
  assert.equal(transcriptIndexAt(CUES, 6.5), 2);
  assert.equal(transcriptIndexAt(CUES, 100), 3);
});

test('the cue at a time in a long file (binary search)', () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ start: i * 2, end: i * 2 + 1.5, text: `cue ${i}` }));
  assert.equal(cueIndexAt(many, 4321), 2160);
  assert.equal(cueIndexAt(many, 4321.6), -1);
  assert.equal(transcriptIndexAt(many, 4321.6), 2160);
  assert.equal(cueIndexAt(many, 9998.5), 4999);
});

test('the captions shown first follow the person’s languages', () => {
  const caps = [{ language: 'de' }, { language: 'pt-BR' }, { language: 'en' }];
  assert.equal(preferredCaption(caps, ['en-GB', 'en'])?.language, 'en'); // same language, other region
  assert.equal(preferredCaption(caps, ['pt-PT'])?.language, 'pt-BR');
  assert.equal(preferredCaption(caps, ['PT-br'])?.language, 'pt-BR');
  assert.equal(preferredCaption(caps, ['fr', 'de'])?.language, 'de'); // the second choice
  assert.equal(preferredCaption(caps, ['fr'])?.language, 'de'); // none: the first there is
  assert.equal(preferredCaption([], ['en']), null);
});

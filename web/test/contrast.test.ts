// Unit tests of the colours derived from a brand colour (WCAG AA): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BLACK,
  CONTROL_BACKGROUNDS,
  contrast,
  derive,
  deriveTheme,
  hueOf,
  PAGE_BACKGROUNDS,
  parseHex,
  ratioText,
  readableShade,
  textOn,
  themeProperties,
  WHITE,
  worstContrast,
} from '../src/contrast.ts';

test('contrast: the WCAG extremes and a known pair', () => {
  assert.equal(contrast('#000000', '#ffffff'), 21);
  assert.equal(contrast('#777777', '#777777'), 1);
  // #767676 is the lightest grey that passes 4.5:1 on white
  assert.ok(contrast('#767676', '#ffffff') >= 4.5);
  assert.ok(contrast('#777777', '#ffffff') < 4.5);
});

test('parseHex: #rrggbb and #rgb only', () => {
  assert.deepEqual(parseHex('#FFcc00'), [255, 204, 0]);
  assert.deepEqual(parseHex('fc0'), [255, 204, 0]);
  assert.equal(parseHex('red'), null);
  assert.equal(parseHex('#12345'), null);
});

test('ratioText rounds down', () => {
  assert.equal(ratioText(4.58), '4.5:1');
  assert.equal(ratioText(21), '21.0:1');
});

for (const [name, color] of [
  ['yellow', '#ffff00'],
  ['orange', '#ff9900'],
  ['pale pink', '#ffd1dc'],
  ['white', '#ffffff'],
  ['lime', '#00ff00'],
  ['cyan', '#00ffff'],
] as const) {
  test(`${name} ${color}: every derived pair passes AA`, () => {
    const d = derive(color);
    assert.equal(d.base, color, 'the colour itself stays the background of the app bar and buttons');
    assert.equal(d.on, BLACK, 'a light colour gets black text');
    assert.ok(contrast(d.on, d.base) >= 4.5, `text on it: ${contrast(d.on, d.base)}`);
    assert.ok(worstContrast(d.text, PAGE_BACKGROUNDS) >= 4.5, `links ${d.text}: ${worstContrast(d.text, PAGE_BACKGROUNDS)}`);
    assert.ok(worstContrast(d.control, CONTROL_BACKGROUNDS) >= 3, `controls ${d.control}`);
    // too light to use as it is: a darker shade, not black or grey
    assert.notEqual(d.text, color);
    assert.ok(worstContrast(color, PAGE_BACKGROUNDS) < 4.5);
  });
}

test('yellow and orange: the shades keep their hue and are the nearest that pass', () => {
  for (const color of ['#ffff00', '#ff9900']) {
    const d = derive(color);
    assert.ok(Math.abs(hueOf(d.text) - hueOf(color)) < 3, `${d.text} has the hue of ${color}`);
    assert.ok(Math.abs(hueOf(d.control) - hueOf(color)) < 3, `${d.control} has the hue of ${color}`);
    // nearest: the text shade is not much darker than it must be
    assert.ok(worstContrast(d.text, PAGE_BACKGROUNDS) < 4.8, `${d.text} is darker than needed`);
    // the control shade needs less, so it is lighter than the text shade
    assert.ok(contrast(d.control, '#ffffff') < contrast(d.text, '#ffffff'));
  }
  assert.notEqual(derive('#ffff00').text, BLACK);
});

test('dark colours keep themselves, with white text on them', () => {
  for (const color of ['#1f4fd1', '#1a4d8f', '#0b7a5c', '#000000', '#6b21a8']) {
    const d = derive(color);
    assert.deepEqual(d, { base: color, on: WHITE, text: color, control: color });
  }
});

test('a mid colour that passes for controls but not for text', () => {
  // #2a8a50: 4.3:1 on white, 4.0:1 on the page, 3.4:1 on a progress track
  const d = derive('#2a8a50');
  assert.equal(d.control, '#2a8a50');
  assert.notEqual(d.text, '#2a8a50');
  assert.ok(worstContrast(d.text, PAGE_BACKGROUNDS) >= 4.5);
});

test('text on the colour: black or white, whichever reads better, always ≥ 4.5:1', () => {
  assert.equal(textOn('#ffff00'), BLACK);
  assert.equal(textOn('#ff9900'), BLACK);
  assert.equal(textOn('#1f4fd1'), WHITE);
  for (let v = 0; v < 256; v += 5) {
    for (const color of [`#${v.toString(16).padStart(2, '0').repeat(3)}`, `#ff${v.toString(16).padStart(2, '0')}00`, `#00${v.toString(16).padStart(2, '0')}ff`]) {
      assert.ok(contrast(textOn(color), color) >= 4.5, color);
    }
  }
});

test('on a dark background a shade is lighter', () => {
  const shade = readableShade('#1a237e', ['#121212'], 4.5);
  assert.ok(contrast(shade, '#121212') >= 4.5);
  assert.ok(contrast(shade, '#000000') > contrast('#1a237e', '#000000'));
});

test('the theme as CSS custom properties', () => {
  const props = themeProperties(deriveTheme('#ffff00', '#0b7a5c'));
  assert.equal(props['--primary'], '#ffff00');
  assert.equal(props['--on-primary'], BLACK);
  assert.equal(props['--accent-text'], '#0b7a5c');
  assert.equal(props['--focus'], props['--primary-control']);
  assert.ok(worstContrast(props['--primary-text']!, PAGE_BACKGROUNDS) >= 4.5);
});

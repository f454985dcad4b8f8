// Unit tests of the size formatting of the storage section (the same sentences as the server's
// quota messages, src/upload/quota.rs `size`): `npm test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileKindText, formatSize } from '../src/format.ts';

test('sizes read as the server says them', () => {
  assert.equal(formatSize(1_500_000_000), '1.5 GB');
  assert.equal(formatSize(320_000_000), '320 MB');
  assert.equal(formatSize(2_500_000), '2.5 MB');
  assert.equal(formatSize(12_000), '12 kB');
  assert.equal(formatSize(1), '1 kB');
});

test('nothing stored is 0 kB; a negative or unreadable count is nothing', () => {
  assert.equal(formatSize(0), '0 kB');
  assert.equal(formatSize(-5), '0 kB');
  assert.equal(formatSize(Number.NaN), '0 kB');
});

test('kB round up, as the server does', () => {
  assert.equal(formatSize(999), '1 kB');
  assert.equal(formatSize(12_001), '13 kB');
  assert.equal(formatSize(999_999), '1000 kB');
});

test('the unit changes at 1 MB, 10 MB and 1 GB', () => {
  assert.equal(formatSize(1_000_000), '1.0 MB');
  assert.equal(formatSize(9_940_000), '9.9 MB');
  assert.equal(formatSize(10_000_000), '10 MB');
  assert.equal(formatSize(999_000_000), '999 MB');
  assert.equal(formatSize(1_000_000_000), '1.0 GB');
  assert.equal(formatSize(10_000_000_000), '10.0 GB');
  assert.equal(formatSize(250_000_000_000), '250.0 GB');
  assert.equal(formatSize(2_000_000_000_000), '2000.0 GB');
});

test('exact halves go to the even neighbour, as Rust formats them', () => {
  assert.equal(formatSize(1_250_000_000), '1.2 GB');
  assert.equal(formatSize(1_750_000_000), '1.8 GB');
  assert.equal(formatSize(12_500_000), '12 MB');
  assert.equal(formatSize(13_500_000), '14 MB');
  assert.equal(formatSize(1_250_000), '1.2 MB');
  // not exact halves in binary: rounded as their true value
  assert.equal(formatSize(1_350_000_000), '1.4 GB');
  assert.equal(formatSize(1_450_000_000), '1.4 GB');
  assert.equal(formatSize(1_550_000_000), '1.6 GB');
  assert.equal(formatSize(1_650_000_000), '1.6 GB');
});

test("a file's kind in words, from its type and name", () => {
  assert.equal(fileKindText('application/pdf', 'guide.pdf'), 'PDF');
  assert.equal(fileKindText('image/png', 'chart.png'), 'Picture (PNG)');
  assert.equal(fileKindText('image/jpeg', ''), 'Picture (JPEG)');
  assert.equal(fileKindText('video/mp4; codecs=avc1', 'clip.mp4'), 'Video (MP4)');
  assert.equal(fileKindText('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'notes.docx'), 'DOCX document');
  assert.equal(fileKindText('text/plain', 'readme'), 'Text');
  assert.equal(fileKindText('application/octet-stream', 'blob'), 'File');
  assert.equal(fileKindText(null), 'File');
});

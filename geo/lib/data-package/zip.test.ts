import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dosDateTime, zipArchive } from './zip';

const encode = (text: string) => new TextEncoder().encode(text);

describe('dosDateTime', () => {
  it('packs local time to two seconds and the year from 1980', () => {
    expect(dosDateTime(new Date(2026, 11, 7, 9, 30, 15))).toEqual({
      time: (9 << 11) | (30 << 5) | 7,
      date: ((2026 - 1980) << 9) | (12 << 5) | 7,
    });
  });
});

describe('zipArchive', () => {
  const modified = new Date(2026, 11, 7, 9, 30, 0);
  // Compressible text (deflated), a tiny file (stored: deflate would grow it), a Chinese name, an empty file.
  const entries = [
    { name: 'figures.csv', data: encode('\uFEFFunit_id,name_zh\r\n' + '500000,重庆市\r\n'.repeat(200)) },
    { name: 'a.txt', data: encode('x') },
    { name: '说明/读我.txt', data: encode('成渝') },
    { name: 'empty', data: new Uint8Array() },
  ];
  const archive = zipArchive(entries, modified);

  it('is read back byte for byte by another zip reader, CRCs checked', async () => {
    const zip = await JSZip.loadAsync(archive, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((entry) => entry.name));
    for (const entry of entries) expect(await zip.file(entry.name)!.async('uint8array')).toEqual(entry.data);
    expect(zip.file('a.txt')!.date.getMinutes()).toBe(30);
  });

  it('passes Info-ZIP unzip -t', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    writeFileSync(join(dir, 'test.zip'), archive);
    const report = execFileSync('unzip', ['-t', join(dir, 'test.zip')], { encoding: 'utf8' });
    expect(report).toContain('No errors detected');
    execFileSync('unzip', ['-q', join(dir, 'test.zip'), '-d', join(dir, 'out')]);
    expect(readFileSync(join(dir, 'out', '说明/读我.txt'), 'utf8')).toBe('成渝');
    rmSync(dir, { recursive: true });
  });

  it('deflates what gets smaller and stores the rest', () => {
    const view = new DataView(archive.buffer, archive.byteOffset);
    expect(view.getUint16(8, true)).toBe(8);
    expect(archive.length).toBeLessThan(entries[0].data.length);
  });

  it('refuses a name twice', () => {
    expect(() => zipArchive([entries[1], entries[1]], modified)).toThrow('a.txt twice');
  });
});

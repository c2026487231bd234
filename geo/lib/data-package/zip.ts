/**
 * A zip archive writer for the data download: each file deflated (Node's zlib) or stored when deflating does not
 * make it smaller, names in UTF-8, no zip64 (every part stays far below 4 GiB, and is checked). Pure apart from zlib.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The path inside the archive, `/`-separated. */
  name: string;
  data: Uint8Array;
}

const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
/** General purpose flag bit 11: the file name is UTF-8. */
const FLAG_UTF8 = 0x0800;
/** Version 2.0: deflate, folders. */
const VERSION = 20;
/** Made by a Unix zip (upper byte 3): unzip then reads the UTF-8 flag and the file mode below, not DOS code pages. */
const MADE_BY = (3 << 8) | VERSION;
/** External attributes of a Unix zip: the file mode, a regular file readable by all (0100644), in the upper half. */
const FILE_MODE = (0o100644 << 16) >>> 0;
const LIMIT = 0xffffffff;

/** MS-DOS time and date fields, as zip keeps them: local time to two seconds, years from 1980. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(date.getFullYear(), 1980);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

class ByteWriter {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  bytes(data: Uint8Array): void {
    this.parts.push(data);
    this.length += data.length;
  }

  /** Little-endian unsigned integers, `size` bytes each. */
  numbers(size: 2 | 4, ...values: number[]): void {
    const part = new Uint8Array(size * values.length);
    const view = new DataView(part.buffer);
    values.forEach((value, i) => (size === 2 ? view.setUint16(i * 2, value, true) : view.setUint32(i * 4, value, true)));
    this.bytes(part);
  }

  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

/** The archive of `entries`, in their order, each stamped with `modified`. */
export function zipArchive(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  const stamp = dosDateTime(modified);
  const out = new ByteWriter();
  const central = new ByteWriter();
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`zip: ${entry.name} twice`);
    names.add(entry.name);
    const name = new TextEncoder().encode(entry.name);
    const deflated = deflateRawSync(entry.data);
    const method = deflated.length < entry.data.length ? METHOD_DEFLATED : METHOD_STORED;
    const body = method === METHOD_DEFLATED ? deflated : entry.data;
    const crc = crc32(entry.data);
    const offset = out.length;
    if (entry.data.length > LIMIT || offset > LIMIT) throw new Error(`zip: ${entry.name} is beyond what zip without zip64 holds`);
    const shared = [VERSION, FLAG_UTF8, method, stamp.time, stamp.date];
    // Local header: signature, version needed, flags, method, time, date, crc, sizes, name length, extra length.
    out.numbers(4, 0x04034b50);
    out.numbers(2, ...shared);
    out.numbers(4, crc, body.length, entry.data.length);
    out.numbers(2, name.length, 0);
    out.bytes(name);
    out.bytes(body);
    // Central directory entry: as the local header, after "version made by", plus comment length, disk number,
    // internal and external attributes and the local header's offset.
    central.numbers(4, 0x02014b50);
    central.numbers(2, MADE_BY, ...shared);
    central.numbers(4, crc, body.length, entry.data.length);
    central.numbers(2, name.length, 0, 0, 0, 0);
    central.numbers(4, FILE_MODE, offset);
    central.bytes(name);
  }
  const centralOffset = out.length;
  out.bytes(central.result());
  // End of central directory: signature, this disk, the directory's disk, entries here and in all, size, offset, comment.
  out.numbers(4, 0x06054b50);
  out.numbers(2, 0, 0, entries.length, entries.length);
  out.numbers(4, central.length, centralOffset);
  out.numbers(2, 0);
  return out.result();
}

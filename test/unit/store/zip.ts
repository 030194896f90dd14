import { inflateRawSync } from 'node:zlib';

/** The files of a zip archive by name (stored or deflated entries: what `wxt zip` writes). Enough for tests. */
export function readZip(buf: Buffer): Map<string, Buffer> {
  // End of central directory: the last "PK\x05\x06" record.
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + size);
    if (!name.endsWith('/'))
      files.set(name, method === 0 ? data : method === 8 ? inflateRawSync(data) : Buffer.alloc(0));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

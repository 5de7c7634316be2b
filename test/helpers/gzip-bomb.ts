import { open } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const BLOCK_BYTES = 16 * 1024 * 1024;

/**
 * Writes a real gzip file (one member, its CRC and size in the trailer) whose text is `head` followed by
 * `blocks` × 16 MiB of `filler`: deflate's blocks of one run of a byte can be repeated, so 3 GiB of text
 * takes about 3 MB and a second to write (streamed, never held). Returns the file's size in bytes.
 * @example await writeGzipBomb(path, 'event_id,user_id\ne1,"', 192) // 3 GiB of text in one field
 */
export async function writeGzipBomb(path: string, head: string, blocks: number, filler = 'x'): Promise<number> {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const headBytes = Buffer.from(head);
  const run = Buffer.alloc(BLOCK_BYTES, filler);
  const runDeflated = deflateRawSync(run, flush);
  const file = await open(path, 'w');
  try {
    let crc = crc32(headBytes);
    await file.write(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]));
    await file.write(deflateRawSync(headBytes, flush));
    const runCrc = (value: number) => crc32(run, value);
    for (let block = 0; block < blocks; block += 1) {
      await file.write(runDeflated);
      crc = runCrc(crc);
    }
    await file.write(deflateRawSync(Buffer.alloc(0)));
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE((headBytes.length + blocks * BLOCK_BYTES) % 2 ** 32, 4);
    await file.write(trailer);
    return (await file.stat()).size;
  } finally {
    await file.close();
  }
}

// Every command's output goes through stream/promises' pipeline: back-pressure is
// honoured, a reader that goes away (`| head`) ends the run quietly, and a file that
// cannot be written is one io_error naming it.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MinutesError } from '../schema/errors.js';
import { ioReason, isClosedPipe } from './report-error.js';

/** Text, or bytes (a Parquet export). */
export type OutputChunks = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** Writes the chunks to the file `out`, or to standard output when it is undefined. */
export async function writeOutput(out: string | undefined, chunks: OutputChunks): Promise<void> {
  const source = Readable.from(chunks, { objectMode: false });
  if (out === undefined) {
    try {
      await pipeline(source, process.stdout, { end: false });
    } catch (err) {
      if (!isClosedPipe(err)) throw err;
    }
    return;
  }
  try {
    await pipeline(source, createWriteStream(out, { encoding: 'utf8' }));
  } catch (err) {
    const reason = ioReason(err);
    if (!reason) throw err;
    throw new MinutesError('io_error', `cannot write ${out}: ${reason}`, { cause: err });
  }
}

// Test support for the parallel redaction path: a log whose pieces teach each other, and one file redacted with given
// stream options (serial, in-process lanes or threads) with what the redactor learned and replaced.
import { Redactor } from '../../../shared/report/redaction/redactor.ts';
import { HOSTILE_LOG } from '../../../shared/report/fixtures/hostile-log.ts';
import { learnFromFile, redactedFileChunks, type FileSource, type StreamOptions } from './redact-stream.ts';

/** A log whose pieces teach each other: the hidden property is declared only after pieces that assign it. */
export function parallelLog(repeats: number, longLine = false): string {
  const lines: string[] = [];
  for (let i = 0; i < repeats; i++) {
    lines.push(HOSTILE_LOG);
    lines.push(`Property(S): LATEPROP${i % 3} = Late${i}Secret-value\r\n`);
    // Read as a secret only once LATEPROP1 is hidden; then learned, and replaced where it stands bare.
    lines.push(`Custom action output: LATEPROP1=Pair${i}Value; echo Pair${i - 1}Value\r\n`);
    lines.push(`MSI (s) (18:A8) [09:12:53:835]: Connecting as FABRIKAM\\user${i % 5}.x from WS-${i % 7}-PC\r\n`);
    if (i === Math.floor(repeats / 2))
      lines.push('Property(S): MsiHiddenProperties = LATEPROP0;LATEPROP1;LATEPROP2\r\n');
    if (longLine && i === Math.floor(repeats / 3)) lines.push(`x Password=${'Long-Secret-'.repeat(100_000)} tail\r\n`);
  }
  return lines.join('');
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** The redacted copy, the redactor's identities and its preview, learned and redacted with the given options. */
export async function redactWith(bytes: Buffer, options: StreamOptions) {
  const source: FileSource = { path: 'C:\\logs\\big.log', bytes: new Uint8Array(bytes) };
  const redactor = new Redactor({ users: ['CONTOSO\\zhang.wei'] });
  const reading = await learnFromFile(source, redactor, 'windows-1252', options);
  const out = await collect(redactedFileChunks(source, redactor, 'windows-1252', reading, options));
  return {
    out,
    identities: redactor.identities(),
    preview: redactor.preview(),
    regions: reading.regions,
    fromBytes: reading.fromBytes,
  };
}

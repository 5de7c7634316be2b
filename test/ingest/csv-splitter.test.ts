import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { describe, expect, test } from 'vitest';
import { CSV_OPTIONS, CsvSplitter, type ParsedItem } from '../../src/ingest/csv-splitter.js';

type Event = ['record', string[], string] | ['skip', number, string, string];

// readCsvRecords drops csv-parse's " at line N" (it counts lines itself); a fallback parser started mid-file counts from there.
const message = (error: Error) => error.message.replace(/ at line \d+.*$/, '');

function viaCsvParse(chunks: string[]): Promise<Event[]> {
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    const parser = parse(CSV_OPTIONS);
    parser.on('skip', (error: Error & { raw?: string }) => events.push(['skip', parser.info.records, error.raw ?? '', message(error)]));
    parser.on('data', (item: ParsedItem) => events.push(['record', item.record, item.raw]));
    parser.on('end', () => resolve(events));
    parser.on('error', reject);
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
  });
}

function viaSplitter(chunks: string[]): Promise<Event[]> {
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    const splitter = new CsvSplitter((error, afterRecords) => events.push(['skip', afterRecords, error.raw ?? '', message(error)]));
    splitter.on('data', (item: ParsedItem) => events.push(['record', item.record, item.raw]));
    splitter.on('end', () => resolve(events));
    splitter.on('error', reject);
    Readable.from(chunks, { objectMode: true }).pipe(splitter);
  });
}

// Every way to cut the text into two chunks, plus one character at a time.
function cuts(text: string): string[][] {
  const ways: string[][] = [[text], [...text]];
  for (let at = 1; at < text.length; at += 1) ways.push([text.slice(0, at), text.slice(at)]);
  return ways;
}

describe('CsvSplitter', () => {
  test('plain, quoted and multi-line records, as csv-parse reads them', async () => {
    const out = await viaSplitter(['id,p\r\n1,"a, ""b""\r\nc"\r\n2,x"y\r\n\r\n3,']);
    expect(out).toEqual([
      ['record', ['id', 'p'], 'id,p\r'],
      ['record', ['1', 'a, "b"\r\nc'], '1,"a, ""b""\r\nc"\r'],
      ['record', ['2', 'x"y'], '2,x"y\r'],
      ['record', [''], '\r'],
      ['record', ['3', ''], '3,'],
    ]);
  });

  test.each([
    'a,b\n1,2\n',
    'a,b\r\n1,"x\r\ny"\r\n2,3',
    'a,b\n1,"bad"x,9\n10,11\n',
    'a,b\n1,"open\n4,5\n',
    'a,b\r\n1,2\n3,4\r\n',
    'a,b\n1,2\r\n3,4\n',
    'a\rb\nc\n',
    '"a"\r"b"\n',
    '"",""\n,\n\n"x""",y\n',
    '\ufeffa,b\n1,2\n',
    'a,"b\n',
  ])('the same records, raw text and skips as csv-parse for %j, however the text is cut', async (text) => {
    const expected = await viaCsvParse([text]);
    for (const chunks of cuts(text)) expect(await viaSplitter(chunks)).toEqual(expected);
  });
});

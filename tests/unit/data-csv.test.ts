import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, parseCsvRecords } from '../../geo/lib/indicators/csv';

describe('parseCsvRecords', () => {
  it('splits plain fields and keeps empty ones', () => {
    expect(parseCsvRecords('a,b,,d\n')).toEqual([{ line: 1, fields: ['a', 'b', '', 'd'] }]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const records = parseCsvRecords('x,"a, b","say ""hi""","two\nlines"\nnext,1,2,3\n');
    expect(records).toEqual([
      { line: 1, fields: ['x', 'a, b', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['next', '1', '2', '3'] },
    ]);
  });

  it('handles CRLF, a byte-order mark, blank lines and a missing final newline', () => {
    expect(parseCsvRecords('\uFEFFa,b\r\n\r\nc,d')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd'] },
    ]);
  });

  it('keeps an empty quoted field as a field', () => {
    expect(parseCsvRecords('a,""\n')).toEqual([{ line: 1, fields: ['a', ''] }]);
  });

  it('rejects a quote that is never closed, naming the line where it opened', () => {
    expect(() => parseCsvRecords('a,b\n"c,d\ne,f\n')).toThrow(new CsvSyntaxError(2, 'quoted field is never closed'));
  });

  it('blames the line where a quote opened when the field runs on to a later line and trips there', () => {
    expect(() => parseCsvRecords('a,b\nc,"d\ne,f\ng,"h"\n')).toThrow(
      new CsvSyntaxError(2, 'a quoted field opens on this row and runs on to row 4, where there is text after a closing quote: is a closing quote missing on this row?'),
    );
    // A quoted field over lines that closes cleanly is valid CSV; callers that want one line per record check the fields.
    expect(parseCsvRecords('a,"b\nc"\n')).toEqual([{ line: 1, fields: ['a', 'b\nc'] }]);
  });

  it('rejects text after a closing quote and a quote inside an unquoted field', () => {
    expect(() => parseCsvRecords('"a"b,c\n')).toThrow('line 1: text after a closing quote');
    expect(() => parseCsvRecords('a,b"c\n')).toThrow('line 1: quote inside an unquoted field');
  });
});

describe('parseCsv', () => {
  it('separates the header from the records', () => {
    expect(parseCsv('h1,h2\nv1,v2\n')).toEqual({ header: ['h1', 'h2'], records: [{ line: 2, fields: ['v1', 'v2'] }] });
  });
});

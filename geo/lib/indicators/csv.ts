/**
 * A small RFC 4180 CSV parser: comma separators, fields optionally quoted with `"`,
 * `""` inside a quoted field for a literal quote, CRLF or LF line ends, quoted fields may
 * span lines. Each record remembers the 1-based line on which it starts, so validation
 * messages can point an editor at the right line.
 */

export interface CsvRecord {
  /** 1-based line number of the record's first character in the file. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Splits CSV text into records; blank lines are skipped. Throws CsvSyntaxError on malformed quoting. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let fieldWasQuoted = false;
  let inQuotes = false;
  let quoteOpenedOnLine = 0;
  // Line where a quoted field of the current record opened, if it closed on a later line: an unclosed quote
  // swallows rows until the next quote, and the error it then causes belongs to the row where it opened.
  let spanningQuoteOpenedOnLine = 0;

  /** `found` is the problem as a noun phrase, for when it is told as what was found on a later row. */
  const fail = (problem: string, found = problem): never => {
    if (spanningQuoteOpenedOnLine === 0) throw new CsvSyntaxError(line, problem);
    throw new CsvSyntaxError(
      spanningQuoteOpenedOnLine,
      `a quoted field opens on this row and runs on to row ${line}, where there is ${found}: is a closing quote missing on this row?`,
    );
  };

  const endField = () => {
    fields.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    const isBlank = fields.length === 1 && fields[0] === '';
    if (!isBlank) records.push({ line: recordLine, fields });
    fields = [];
    spanningQuoteOpenedOnLine = 0;
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          if (quoteOpenedOnLine < line) spanningQuoteOpenedOnLine = quoteOpenedOnLine;
          const next = source[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') fail('text after a closing quote');
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || fieldWasQuoted) fail('quote inside an unquoted field', 'a quote inside an unquoted field');
      inQuotes = true;
      fieldWasQuoted = true;
      quoteOpenedOnLine = line;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(quoteOpenedOnLine, 'quoted field is never closed');
  if (field !== '' || fieldWasQuoted || fields.length > 0) endRecord();
  return records;
}

/** Parses CSV text whose first record is the header. */
export function parseCsv(text: string): CsvTable {
  const [headerRecord, ...records] = parseCsvRecords(text);
  return { header: headerRecord ? headerRecord.fields : [], records };
}


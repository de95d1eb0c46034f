// Reading a pack file (pure): size, JSON with the place of a syntax error, format and version, schema, limits; trusted analyses.
import { describeValue, PACK_MAX_REPORTS, PACK_MAX_TEXT, parsePack } from '../pack-schema';
import { PACK_FORMAT, PACK_VERSION, PACK_VERSIONS, type CorpusPack, type PackReport, type PackVersion } from '../types';
import { checkCompactAnalysis, type CompactAnalysis } from './compact-analysis';

/** Largest pack file accepted, in bytes (10,000 reports with their analyses and index take about 170 MB). */
export const MAX_PACK_BYTES = 256 * 1024 * 1024;
/** Most reports one pack may hold. */
export const MAX_PACK_REPORTS = PACK_MAX_REPORTS;
/** Longest report text accepted, in characters. */
export const MAX_REPORT_CHARS = PACK_MAX_TEXT;

/** A pack that cannot be read or imported. `where` locates the problem ("line 3, column 17", "reports[4].text"). */
export class PackError extends Error {
  readonly where: string | null;
  constructor(message: string, where: string | null = null) {
    super(message);
    this.name = 'PackError';
    this.where = where;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and validating

/** Line and column (1-based) of a character offset. */
function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error in `source` (source.length when the text ends too early), -1 when valid.
 * JSON.parse says where it failed only in some engines and some messages, so the reader's "where" comes from here.
 * Iterative, so deeply nested garbage cannot overflow the stack.
 */
export function jsonErrorOffset(source: string): number {
  const stack: string[] = [];
  let state: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after' = 'value';
  let i = 0;
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = (): number => {
    // Returns the offset after the closing quote, or -(error offset) - 1.
    for (let j = i + 1; j < source.length; j++) {
      const code = source.charCodeAt(j);
      if (code === 34) return j + 1;
      if (code < 0x20) return -j - 1;
      if (code === 92) {
        const next = source[j + 1];
        if (next === undefined) return -source.length - 1;
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(j + 2, j + 6))) return source.length < j + 6 ? -source.length - 1 : -j - 1;
          j += 5;
        } else if ('"\\/bfnrt'.includes(next)) j++;
        else return -j - 1;
      }
    }
    return -source.length - 1;
  };
  for (;;) {
    while (i < source.length && ' \n\r\t'.includes(source[i]!)) i++;
    if (i >= source.length) return state === 'after' && stack.length === 0 ? -1 : source.length;
    const c = source[i]!;
    if (state === 'value' || state === 'valueOrClose') {
      if (state === 'valueOrClose' && c === ']') {
        stack.pop();
        i++;
        state = 'after';
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        state = c === '{' ? 'keyOrClose' : 'valueOrClose';
      } else if (c === '"') {
        const end = string();
        if (end < 0) return -end - 1;
        i = end;
        state = 'after';
      } else {
        number.lastIndex = i;
        const literal = ['true', 'false', 'null'].find((word) => source.startsWith(word, i));
        const match = number.exec(source);
        if (literal) i += literal.length;
        else if (match) i += match[0].length;
        else {
          const partial = ['true', 'false', 'null'].some((word) => word.startsWith(source.slice(i)));
          return partial ? source.length : i;
        }
        state = 'after';
      }
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && c === '}') {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      if (c !== '"') return i;
      const end = string();
      if (end < 0) return -end - 1;
      i = end;
      state = 'colon';
    } else if (state === 'colon') {
      if (c !== ':') return i;
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

/** Turns a JSON.parse failure into a message saying where the file breaks. */
function jsonError(source: string): PackError {
  let offset = jsonErrorOffset(source);
  if (offset < 0) offset = source.length; // JSON.parse failed where the scanner did not: report the end
  const ended = offset >= source.length;
  const { line, column } = lineColumn(source, offset);
  const where = `line ${line}, column ${column}`;
  const report = reportNumberAt(source, offset);
  const inReport = report === null ? 'the pack' : `report ${report}`;
  if (ended) {
    return new PackError(
      `The file ends in the middle of ${inReport} (after ${source.length} characters, at ${where}): it looks truncated, ` +
        'perhaps by an interrupted download. Nothing was imported.',
      where,
    );
  }
  // The text around the error as the reader would see it in an editor: no escapes, line breaks as spaces.
  const near = source.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' ');
  const at = report === null ? `at ${where}` : `in report ${report}, at ${where}`;
  return new PackError(`The file is not valid JSON ${at} (character ${offset + 1}), near “${near}”. Nothing was imported.`, where);
}

/**
 * Which report (1-based) of the pack's "reports" list the character at `offset` belongs to, or null when it lies
 * outside any report. Counts the objects opened two levels down (root object → reports list → report), skipping
 * strings, so a broken or cut file can still be located in words the reader understands.
 */
export function reportNumberAt(source: string, offset: number): number | null {
  let depth = 0;
  let count = 0;
  let inside = false;
  for (let i = 0; i < offset && i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 34) {
      for (i++; i < source.length && source.charCodeAt(i) !== 34; i++) if (source.charCodeAt(i) === 92) i++;
      continue;
    }
    if (c === 123 || c === 91) {
      if (depth === 2 && c === 123) {
        count++;
        inside = true;
      }
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth === 2) inside = false;
    }
  }
  return inside ? count : null;
}

/** "reports[2].sentences[5].end: …" as "report 3 (“Its headline”): sentences[5].end: …". */
function plainSchemaError(error: string, value: unknown): string {
  const match = /^reports\[(\d+)\]\.?/.exec(error);
  if (!match) return error;
  const index = Number(match[1]);
  const report = (value as { reports?: unknown[] }).reports?.[index] as { headline?: unknown } | undefined;
  const headline = typeof report?.headline === 'string' && report.headline.trim() ? ` (“${report.headline.trim()}”)` : '';
  const rest = error.slice(match[0].length);
  return `report ${index + 1}${headline}${rest.startsWith(':') ? '' : ': '}${rest}`;
}

/**
 * Reads a pack file: size, JSON, format and version, schema, then offsets and ids. Throws a PackError that says
 * what is wrong and where. Pure: touches no database.
 */
export async function readPack(source: string | Blob, maxBytes: number = MAX_PACK_BYTES): Promise<CorpusPack> {
  const size = typeof source === 'string' ? source.length : source.size;
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new PackError(`The file is too large (${mb(size)}); packs up to ${mb(maxBytes)} can be imported. Nothing was imported.`);
  }
  // Its bytes, then one decode: in Chromium, Blob.text() took about a second longer on a pack of 150 MB.
  const raw = typeof source === 'string' ? source : new TextDecoder().decode(await source.arrayBuffer());
  // Tested, not trimmed or replaced: either would copy a pack of hundreds of megabytes once more.
  const json = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!/\S/.test(json)) throw new PackError('The file is empty. Nothing was imported.');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw jsonError(json);
  }
  return validatePack(value);
}

/** Validates a parsed value as a corpus pack (see readPack). */
export function validatePack(value: unknown): CorpusPack {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PackError('The file is JSON but not a Second Source pack: it should be an object with "format", "version" and "reports".', '(the whole file)');
  }
  const envelope = value as { format?: unknown; version?: unknown };
  if (envelope.format !== PACK_FORMAT) {
    throw new PackError(
      `The file is not a Second Source pack: its "format" is ${describeValue(envelope.format)}, expected "${PACK_FORMAT}".`,
      'format',
    );
  }
  if (!PACK_VERSIONS.includes(envelope.version as PackVersion)) {
    const newer = typeof envelope.version === 'number' && envelope.version > PACK_VERSION;
    throw new PackError(
      newer
        ? `This pack is version ${envelope.version}, made by a newer Second Source; this one reads version ${PACK_VERSION}. Update the extension to import it.`
        : `This pack's version is ${describeValue(envelope.version)}; this Second Source reads version ${PACK_VERSIONS.join(' and ')} packs.`,
      'version',
    );
  }
  // The pack schema (utils/corpus/pack-schema.ts) checks structure, ids, spans and inferred fields, naming the path.
  const parsed = parsePack(value);
  if (!parsed.ok) {
    const where = /^([^\s:]+):/.exec(parsed.error)?.[1] ?? null;
    throw new PackError(`The pack does not match the pack format in ${plainSchemaError(parsed.error, value)}. Nothing was imported.`, where);
  }
  const pack = parsed.pack;
  if (pack.reports.length > MAX_PACK_REPORTS) {
    throw new PackError(`The pack holds ${pack.reports.length} reports; at most ${MAX_PACK_REPORTS} can be imported at once. Nothing was imported.`, 'reports');
  }
  const long = pack.reports.findIndex((report) => report.text.length > MAX_REPORT_CHARS);
  if (long >= 0) {
    throw new PackError(
      `reports[${long}].text is ${pack.reports[long]!.text.length} characters long; reports up to ${MAX_REPORT_CHARS} characters can be imported. Nothing was imported.`,
      `reports[${long}].text`,
    );
  }
  return pack;
}

/**
 * The analysis a pack report carries, when it can be trusted: stamped by the running extractor (deps.extractorVersion)
 * and of the shape the matcher relies on. In its compact form, as the pack carries it and the store keeps it (nothing
 * expanded; expandAnalysis gives the full one). Null means "analyse it again".
 */
export function trustedCompactAnalysis(report: PackReport, deps: { extractorVersion?: string }): CompactAnalysis | null {
  const carried = report.analysis;
  if (!carried || carried.extractor !== (deps.extractorVersion ?? '0')) return null;
  return checkCompactAnalysis(carried.data, report.text.length) === null ? carried.data : null;
}

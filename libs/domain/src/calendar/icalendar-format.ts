// The RFC 5545 text rules a feed needs, as pure functions: escaping (3.3.11), folding (3.1) and UTC date-times (3.3.5).

/** Content lines end with CRLF, whatever the platform. */
export const CRLF = '\r\n';

/** A content line may hold at most 75 octets before its line break; longer ones are folded. */
export const MAX_LINE_OCTETS = 75;

// Control characters other than HTAB may not appear in a TEXT value (RFC 5545 3.3.11): dropped.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A TEXT value: `\`, `;` and `,` are backslash-escaped and every line break becomes `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(FORBIDDEN_CONTROL, '');
}

/**
 * Folds one content line into chunks of at most 75 UTF-8 octets, each continuation opening with a space
 * (which counts toward its 75). Splits fall between characters, never inside a multi-octet one.
 */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let chunk = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      chunks.push(chunk);
      chunk = ' ';
      octets = 1;
    }
    chunk += char;
    octets += size;
  }
  chunks.push(chunk);
  return chunks.join(CRLF);
}

/** Octets of one code point in UTF-8 (a lone surrogate is written as the 3-octet replacement character). */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/** `20261201T090000Z`: a DATE-TIME in UTC, seconds kept, milliseconds dropped. */
export function formatUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Joins content lines into an iCalendar object: each line folded, each ending in CRLF (the last one too). */
export function serializeLines(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

import { CRLF, escapeText, foldLine, formatUtcDateTime, MAX_LINE_OCTETS, serializeLines } from './icalendar-format';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

/** RFC 5545 3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma, and writes line breaks as \\n', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\r\ntwo\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
  });

  it('escapes a backslash before the escapes it adds, never doubling them', () => {
    expect(escapeText('\\,')).toBe('\\\\\\,');
  });

  it('leaves colons, quotes and tabs alone and drops other control characters', () => {
    expect(escapeText('at 9:00 "sharp"\tok\u0007')).toBe('at 9:00 "sharp"\tok');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = 'x'.repeat(MAX_LINE_OCTETS);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines into chunks of at most 75 octets, continuations opening with a space', () => {
    const line = `SUMMARY:${'abcdefghij'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split(CRLF);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    expect(octets(parts[0]!)).toBe(MAX_LINE_OCTETS);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('counts octets, not characters, and never splits a multi-octet character', () => {
    // 한 is 3 octets, 🎯 is 4 (a surrogate pair in JavaScript).
    const line = `SUMMARY:${'한'.repeat(40)}${'🎯'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split(CRLF);
    for (const part of parts) {
      expect(octets(part)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
      expect(part).not.toContain('\uFFFD');
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('formatUtcDateTime', () => {
  it('writes a UTC DATE-TIME without separators or milliseconds', () => {
    expect(formatUtcDateTime(new Date('2026-12-01T09:00:00.000Z'))).toBe('20261201T090000Z');
    expect(formatUtcDateTime(new Date('2026-03-09T23:59:59.999+09:00'))).toBe('20260309T145959Z');
  });
});

describe('serializeLines', () => {
  it('ends every line, the last one too, with CRLF and has no bare LF', () => {
    const text = serializeLines(['BEGIN:VCALENDAR', `X-LONG:${'y'.repeat(100)}`, 'END:VCALENDAR']);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text.split(CRLF)).toHaveLength(5);
  });
});

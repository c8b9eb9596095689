import { DomainError } from '../errors';
import { assertHttpUrl, MAX_SOURCE_AUTHORS, normalizeSource } from './source-rules';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('assertHttpUrl', () => {
  it('accepts absolute http and https URLs, trimmed', () => {
    expect(assertHttpUrl(' https://report.heritage.org/ib5370 ')).toBe('https://report.heritage.org/ib5370');
    expect(assertHttpUrl('http://example.org/a?b=c#d')).toBe('http://example.org/a?b=c#d');
  });

  it.each(['ftp://example.org/file', 'javascript:alert(1)', 'mailto:a@b.c', '/relative/path', 'not a url', ''])(
    'refuses %p, naming the field',
    (url) => {
      expect(errorOf(() => assertHttpUrl(url, 'input.source.url'))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.source.url',
      });
    },
  );

  it('refuses URLs over 2048 characters', () => {
    expect(errorOf(() => assertHttpUrl(`https://example.org/${'a'.repeat(2048)}`)).message).toMatch(/2048/);
  });
});

describe('normalizeSource', () => {
  it('trims, drops blank optionals and repeated authors', () => {
    const publishedAt = new Date('2025-01-21T00:00:00Z');
    expect(
      normalizeSource({
        title: '  An Agenda  ',
        authors: [' Anthony B. Kim', 'Derrick Morgan', 'Anthony B. Kim'],
        publisher: '  ',
        url: null,
        publishedAt,
      }),
    ).toEqual({
      title: 'An Agenda',
      authors: ['Anthony B. Kim', 'Derrick Morgan'],
      publisher: null,
      url: null,
      publishedAt,
    });
    expect(normalizeSource({ title: 'Bare' })).toEqual({
      title: 'Bare',
      authors: [],
      publisher: null,
      url: null,
      publishedAt: null,
    });
  });

  it('names the field at fault under the given path', () => {
    const cases: Array<[Parameters<typeof normalizeSource>[0], string]> = [
      [{ title: ' ' }, 'input.source.title'],
      [{ title: 'x'.repeat(301) }, 'input.source.title'],
      [{ title: 'T', authors: ['A', ''] }, 'input.source.authors[1]'],
      [
        { title: 'T', authors: Array.from({ length: MAX_SOURCE_AUTHORS + 1 }, (_, i) => `A${i}`) },
        'input.source.authors',
      ],
      [{ title: 'T', publisher: 'p'.repeat(301) }, 'input.source.publisher'],
      [{ title: 'T', url: 'file:///etc/passwd' }, 'input.source.url'],
      [{ title: 'T', publishedAt: new Date('nope') }, 'input.source.publishedAt'],
    ];
    for (const [params, field] of cases) {
      expect(errorOf(() => normalizeSource(params, 'input.source'))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

import { badInput } from '../errors';
import { MAX_TITLE_LENGTH } from '../import/import-parser';

export const MAX_SOURCE_AUTHORS = 50;
export const MAX_SOURCE_AUTHOR_LENGTH = 200;
export const MAX_SOURCE_PUBLISHER_LENGTH = 300;
export const MAX_SOURCE_URL_LENGTH = 2048;

/** A source as a client describes it: absent and null read the same. */
export interface SourceParams {
  title: string;
  authors?: readonly string[] | null;
  publisher?: string | null;
  url?: string | null;
  publishedAt?: Date | null;
}

/** A source ready to store. */
export interface SourceFields {
  title: string;
  authors: string[];
  publisher: string | null;
  url: string | null;
  publishedAt: Date | null;
}

/** An absolute http(s) URL, trimmed; anything else (mailto:, javascript:, relative paths) is refused. */
export function assertHttpUrl(url: string, field = 'url'): string {
  const trimmed = url.trim();
  if (trimmed.length > MAX_SOURCE_URL_LENGTH)
    throw badInput(field, `must be at most ${MAX_SOURCE_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw badInput(field, `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw badInput(field, `must be an http or https URL, not ${parsed.protocol.replace(/:$/, '')}`);
  }
  return trimmed;
}

/**
 * Validates and trims a source; `field` is the input's path (e.g. `input.source`), so errors name
 * `input.source.url`. Blank optional strings read as none; duplicate authors are kept once.
 */
export function normalizeSource(params: SourceParams, field = 'source'): SourceFields {
  const title = typeof params.title === 'string' ? params.title.trim() : '';
  if (!title) throw badInput(`${field}.title`, 'a source needs a title');
  if (title.length > MAX_TITLE_LENGTH)
    throw badInput(`${field}.title`, `must be at most ${MAX_TITLE_LENGTH} characters`);

  const authors: string[] = [];
  for (const [i, raw] of (params.authors ?? []).entries()) {
    const author = typeof raw === 'string' ? raw.trim() : '';
    if (!author) throw badInput(`${field}.authors[${i}]`, 'an author must not be empty');
    if (author.length > MAX_SOURCE_AUTHOR_LENGTH) {
      throw badInput(`${field}.authors[${i}]`, `an author is at most ${MAX_SOURCE_AUTHOR_LENGTH} characters`);
    }
    if (!authors.includes(author)) authors.push(author);
  }
  if (authors.length > MAX_SOURCE_AUTHORS) throw badInput(`${field}.authors`, `at most ${MAX_SOURCE_AUTHORS} authors`);

  const publisher = params.publisher?.trim() || null;
  if (publisher && publisher.length > MAX_SOURCE_PUBLISHER_LENGTH) {
    throw badInput(`${field}.publisher`, `must be at most ${MAX_SOURCE_PUBLISHER_LENGTH} characters`);
  }
  const url = params.url?.trim() ? assertHttpUrl(params.url, `${field}.url`) : null;
  const publishedAt = params.publishedAt ?? null;
  if (publishedAt && Number.isNaN(publishedAt.getTime())) throw badInput(`${field}.publishedAt`, 'is not a date');
  return { title, authors, publisher, url, publishedAt };
}

import type { SourceEntity } from '@docket/data';

import type { SourceModel } from './source.model';

export const toSourceModel = (source: SourceEntity): SourceModel => ({
  id: source.id,
  teamId: source.teamId,
  title: source.title,
  authors: source.authors,
  publisher: source.publisher,
  url: source.url,
  publishedAt: source.publishedAt,
});

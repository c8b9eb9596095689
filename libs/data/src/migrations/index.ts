import { Foundation1764400000000 } from './1764400000000-foundation';
import { Recommendations1764500000000 } from './1764500000000-recommendations';
import { Sources1764700000000 } from './1764700000000-sources';

/** Every migration, oldest first. A new migration is generated with `npm run migration:generate -- <name>` and listed here. */
export const MIGRATIONS = [Foundation1764400000000, Recommendations1764500000000, Sources1764700000000];

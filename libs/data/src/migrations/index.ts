import { Foundation1764400000000 } from './1764400000000-foundation';
import { Recommendations1764500000000 } from './1764500000000-recommendations';
import { StakeholdersActionItemsComments1764600000000 } from './1764600000000-stakeholders-action-items-comments';
import { Sources1764700000000 } from './1764700000000-sources';
import { NotificationsReminders1764800000000 } from './1764800000000-notifications-reminders';
import { RecommendationListIndexes1764900000000 } from './1764900000000-recommendation-list-indexes';
import { Webhooks1765000000000 } from './1765000000000-webhooks';
import { ActionItemReminders1765100000000 } from './1765100000000-action-item-reminders';

/** Every migration, oldest first. A new migration is generated with `npm run migration:generate -- <name>` and listed here. */
export const MIGRATIONS = [
  Foundation1764400000000,
  Recommendations1764500000000,
  StakeholdersActionItemsComments1764600000000,
  Sources1764700000000,
  NotificationsReminders1764800000000,
  RecommendationListIndexes1764900000000,
  Webhooks1765000000000,
  ActionItemReminders1765100000000,
];

import type { StakeholderEntity } from '@docket/data';

import type { StakeholderModel } from './stakeholder.model';

export const toStakeholderModel = (s: StakeholderEntity): StakeholderModel => ({
  userId: s.userId,
  role: s.role,
  addedAt: s.addedAt,
});

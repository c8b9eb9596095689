import { STAKEHOLDER_ROLES } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

export const StakeholderRole = Object.fromEntries(STAKEHOLDER_ROLES.map((role) => [role, role])) as {
  [R in (typeof STAKEHOLDER_ROLES)[number]]: R;
};
registerEnumType(StakeholderRole, {
  name: 'StakeholderRole',
  description: 'RACI: who does the work, who answers for it, who is asked, who is told.',
});

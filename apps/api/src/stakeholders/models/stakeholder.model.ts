import type { StakeholderRole as StakeholderRoleName } from '@docket/domain';
import { Field, ObjectType } from '@nestjs/graphql';

import { StakeholderRole } from './stakeholder-role.enum';

@ObjectType('Stakeholder')
export class StakeholderModel {
  /** Resolved through the request's loaders. */
  userId: string;

  @Field(() => StakeholderRole)
  role: StakeholderRoleName;

  @Field()
  addedAt: Date;
}

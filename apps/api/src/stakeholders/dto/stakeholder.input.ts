import type { StakeholderRole as StakeholderRoleName } from '@docket/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

import { StakeholderRole } from '../models/stakeholder-role.enum';

const ID_MESSAGE = 'must be an id';

@InputType()
export class StakeholderInput {
  @Field(() => ID)
  @IsUUID('all', { message: ID_MESSAGE })
  recommendationId: string;

  @Field(() => ID, { description: 'A member of the recommendation’s team.' })
  @IsUUID('all', { message: ID_MESSAGE })
  userId: string;

  @Field(() => StakeholderRole)
  role: StakeholderRoleName;
}

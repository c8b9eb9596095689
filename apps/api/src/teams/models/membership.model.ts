import type { Role as RoleName } from '@docket/domain';
import { Field, ObjectType } from '@nestjs/graphql';

import { UserModel } from '../../auth/models/user.model';
import { Role } from '../../graphql/enums';
import { TeamModel } from './team.model';

@ObjectType('Membership')
export class MembershipModel {
  /** Resolved by MembershipResolver through the request's loaders. */
  userId: string;
  teamId: string;

  @Field(() => UserModel)
  user?: UserModel;

  @Field(() => TeamModel)
  team?: TeamModel;

  @Field(() => Role)
  role: RoleName;

  @Field({ description: 'When the user joined the team.' })
  createdAt: Date;
}

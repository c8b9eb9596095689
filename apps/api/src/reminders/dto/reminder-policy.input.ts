import type { ReminderChannel } from '@docket/domain';
import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';

import { DurationScalar } from '../../graphql/duration.scalar';
import { NotificationChannel } from '../models/reminder-enums';

@InputType()
export class ReminderPolicyInput {
  @Field(() => [DurationScalar])
  @IsArray()
  @ArrayMaxSize(20)
  remindBefore: number[];

  @Field()
  @IsBoolean()
  remindOnDue: boolean;

  @Field(() => DurationScalar, { nullable: true })
  @IsOptional()
  overdueEvery?: number | null;

  @Field(() => DurationScalar, { nullable: true })
  @IsOptional()
  escalateAfter?: number | null;

  @Field(() => [NotificationChannel])
  @IsArray()
  @IsIn(Object.values(NotificationChannel), { each: true })
  channels: ReminderChannel[];
}

import type { ReminderChannel, ReminderKind as ReminderKindName } from '@docket/domain';
import { Field, ObjectType } from '@nestjs/graphql';

import { DurationScalar } from '../../graphql/duration.scalar';
import { NotificationChannel, ReminderKind } from './reminder-enums';

/** Durations are milliseconds here; the Duration scalar writes them as ISO-8601. */
@ObjectType('ReminderPolicy')
export class ReminderPolicyModel {
  @Field(() => [DurationScalar], { description: 'Reminders this long before the deadline, e.g. [P7D, P1D].' })
  remindBefore: number[];

  @Field()
  remindOnDue: boolean;

  @Field(() => DurationScalar, {
    nullable: true,
    description: 'An OVERDUE reminder every this long after the deadline; null: none.',
  })
  overdueEvery: number | null;

  @Field(() => DurationScalar, {
    nullable: true,
    description: "Tell the team's managers once it is overdue by this much; null: never.",
  })
  escalateAfter: number | null;

  @Field(() => [NotificationChannel])
  channels: ReminderChannel[];
}

@ObjectType('ScheduledReminder')
export class ScheduledReminderModel {
  @Field(() => ReminderKind)
  kind: ReminderKindName;

  @Field()
  fireAt: Date;
}

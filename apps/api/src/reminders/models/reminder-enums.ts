import { NOTIFICATION_KINDS, REMINDER_CHANNELS, REMINDER_KINDS } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const NotificationChannel = asEnum(REMINDER_CHANNELS);
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

export const ReminderKind = asEnum(REMINDER_KINDS);
registerEnumType(ReminderKind, { name: 'ReminderKind' });

export const NotificationKind = asEnum(NOTIFICATION_KINDS);
registerEnumType(NotificationKind, { name: 'NotificationKind' });

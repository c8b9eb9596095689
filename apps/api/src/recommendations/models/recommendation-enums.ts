import { ACTIVITY_KINDS, PRIORITIES } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

export const Priority = Object.fromEntries(PRIORITIES.map((p) => [p, p])) as { [P in (typeof PRIORITIES)[number]]: P };
registerEnumType(Priority, { name: 'Priority' });

export const ActivityKind = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, k])) as {
  [K in (typeof ACTIVITY_KINDS)[number]]: K;
};
registerEnumType(ActivityKind, { name: 'ActivityKind' });

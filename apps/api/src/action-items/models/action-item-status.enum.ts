import { ACTION_ITEM_STATUSES } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

export const ActionItemStatus = Object.fromEntries(ACTION_ITEM_STATUSES.map((status) => [status, status])) as {
  [S in (typeof ACTION_ITEM_STATUSES)[number]]: S;
};
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });

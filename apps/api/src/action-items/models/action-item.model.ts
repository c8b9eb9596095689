import type { ActionItemStatus as ActionItemStatusName } from '@docket/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';

import { ActionItemStatus } from './action-item-status.enum';

/** The ActionItem type; recommendation, assignee and isOverdue are resolved fields. */
@ObjectType('ActionItem')
export class ActionItemModel {
  /** Resolved through the request's loaders. */
  recommendationId: string;
  assigneeId: string | null;

  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => ActionItemStatus)
  status: ActionItemStatusName;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it became DONE; null unless DONE.' })
  completedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

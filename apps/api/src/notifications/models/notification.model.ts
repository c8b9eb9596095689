import type { NotificationKind as NotificationKindName } from '@docket/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { PageInfoModel } from '../../graphql/page-info.model';
import { NotificationKind } from '../../reminders/models/reminder-enums';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  /** Resolved to `recommendation` through the request's loader. */
  recommendationId: string | null;

  @Field(() => NotificationKind)
  kind: NotificationKindName;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

@ObjectType('NotificationEdge')
export class NotificationEdgeModel {
  @Field()
  cursor: string;

  @Field(() => NotificationModel)
  node: NotificationModel;
}

@ObjectType('NotificationConnection')
export class NotificationConnectionModel {
  @Field(() => [NotificationEdgeModel])
  edges: NotificationEdgeModel[];

  @Field(() => [NotificationModel])
  nodes: NotificationModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}

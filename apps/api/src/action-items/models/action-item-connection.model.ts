import { Field, Int, ObjectType } from '@nestjs/graphql';

import { PageInfoModel } from '../../graphql/page-info.model';
import { ActionItemModel } from './action-item.model';

@ObjectType('ActionItemEdge')
export class ActionItemEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ActionItemModel)
  node: ActionItemModel;
}

@ObjectType('ActionItemConnection')
export class ActionItemConnectionModel {
  @Field(() => [ActionItemEdgeModel])
  edges: ActionItemEdgeModel[];

  @Field(() => [ActionItemModel])
  nodes: ActionItemModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}

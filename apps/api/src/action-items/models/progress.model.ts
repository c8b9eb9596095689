import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Progress', { description: 'Of the action items that are not CANCELED, how many are DONE.' })
export class ProgressModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  done: number;

  @Field(() => Float, { description: '0 to 100; 0 when there is nothing to do.' })
  percent: number;
}

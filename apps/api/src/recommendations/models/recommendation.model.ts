import type { Priority as PriorityName } from '@docket/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { Priority } from './recommendation-enums';

/** The Recommendation type; identifier, team, state, people, isOverdue and activity are resolved fields. */
@ObjectType('Recommendation')
export class RecommendationModel {
  /** Resolved through the request's loaders. */
  teamId: string;
  stateKey: string;
  ownerId: string | null;
  createdById: string | null;
  sourceId: string | null;

  @Field(() => ID)
  id: string;

  @Field(() => Int)
  number: number;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => Priority)
  priority: PriorityName;

  @Field(() => [String])
  labels: string[];

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field(() => Date, { nullable: true })
  snoozedUntil: Date | null;

  @Field(() => Int, { description: 'Rises by one on every change; send it back as expectedVersion.' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;
}

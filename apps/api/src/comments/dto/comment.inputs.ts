import { MAX_COMMENT_LENGTH } from '@docket/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

const ID_MESSAGE = 'must be an id';

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: ID_MESSAGE })
  recommendationId: string;

  @Field({ description: 'Markdown, 1 to 20,000 characters; `@email` mentions a team member.' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_COMMENT_LENGTH)
  body: string;

  @Field(() => ID, { nullable: true, description: 'The comment this replies to, on the same recommendation.' })
  @IsOptional()
  @IsUUID('all', { message: ID_MESSAGE })
  parentId?: string | null;
}

import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';

import { SourceInput } from '../../sources/dto/source.input';

@InputType()
export class ImportInput {
  @Field()
  @IsString()
  teamKey: string;

  @Field(() => SourceInput)
  @ValidateNested()
  @Type(() => SourceInput)
  source: SourceInput;

  // Size and content (1 MiB, at least one recommendation) are checked by `assertImportText` in the service.
  @Field({ description: "Plain text or Markdown holding the recommendations, e.g. a report's text." })
  @IsString()
  text: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  defaultOwnerId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  defaultDueAt?: Date | null;
}

import {
  MAX_SOURCE_AUTHOR_LENGTH,
  MAX_SOURCE_AUTHORS,
  MAX_SOURCE_PUBLISHER_LENGTH,
  MAX_SOURCE_URL_LENGTH,
  MAX_TITLE_LENGTH,
} from '@docket/domain';
import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Shape and length here; what makes a URL acceptable (http or https) is `normalizeSource`'s call. */
@InputType()
export class SourceInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(MAX_TITLE_LENGTH)
  title: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SOURCE_AUTHORS)
  @IsString({ each: true })
  @MaxLength(MAX_SOURCE_AUTHOR_LENGTH, { each: true })
  authors?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_PUBLISHER_LENGTH)
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SOURCE_URL_LENGTH)
  url?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  publishedAt?: Date | null;
}

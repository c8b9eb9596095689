import { assertUuid } from '@docket/domain';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';

/** For `ID` arguments: a malformed id is BAD_USER_INPUT naming the argument, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string | null | undefined> {
  transform(value: string | null | undefined, metadata: ArgumentMetadata) {
    return value == null ? value : assertUuid(value, metadata.data ?? 'id');
  }
}

import { badInput } from '@docket/domain';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';

function firstFailure(errors: ValidationError[], prefix: string): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message: message.replace(new RegExp(`^${error.property}\\s*`), '') || message };
    const nested = firstFailure(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** class-validator on every input object; the first failure becomes BAD_USER_INPUT naming its field (`input.email`). */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (value == null || typeof value !== 'object' || !metatype) return value;
    if (!getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).length) return value;
    const instance = plainToInstance(metatype, value) as object;
    const failure = firstFailure(await validate(instance, { forbidUnknownValues: false }), metadata.data ?? 'input');
    if (failure) throw badInput(failure.field, failure.message);
    return instance;
  }
}

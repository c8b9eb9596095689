import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'docket:public';

/** Marks an operation that needs no token (register, login). Everything else is guarded. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

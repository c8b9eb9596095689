// Jest's globalSetup runs outside its module mapper: resolve the @docket/* aliases for it here.
import { join } from 'node:path';

import { register } from 'tsconfig-paths';

import { compilerOptions } from '../../../tsconfig.base.json';

register({ baseUrl: join(__dirname, '../../..'), paths: compilerOptions.paths });

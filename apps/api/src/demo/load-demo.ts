import { type DemoLogin, DemoService } from '@docket/core';
import type { INestApplicationContext } from '@nestjs/common';

/** Called by `npm start` once the API is up. */
export async function loadDemoIfWanted(app: INestApplicationContext): Promise<{ logins: DemoLogin[] } | null> {
  const logins = await app.get(DemoService).loadIfWanted();
  return logins ? { logins } : null;
}

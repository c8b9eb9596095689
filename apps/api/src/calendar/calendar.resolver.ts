import { AuthService, type Viewer } from '@docket/core';
import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { ApiTokenPayloadModel } from '../auth/models/api-token.model';

@Resolver()
export class CalendarResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => ApiTokenPayloadModel, {
    description:
      'A token that only reads your deadlines as an iCalendar feed at GET /calendar/<token>.ics; revoke it with revokeApiToken.',
  })
  createCalendarToken(@CurrentViewer() viewer: Viewer, @Args('name') name: string): Promise<ApiTokenPayloadModel> {
    return this.auth.createApiToken(viewer.user.id, name, 'CALENDAR');
  }
}

import { CalendarService } from '@docket/core';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

import { Public } from '../auth/public.decorator';

// `dkt_` and 43 base64url characters; anything else is answered 404 without a database round trip.
const FEED_FILE = /^(dkt_[A-Za-z0-9_-]{20,100})\.ics$/;

/** Calendar subscriptions: the token in the URL is the credential, since calendar clients send no headers. */
@Controller('calendar')
@Public()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    // The URL is a credential and the feed personal: no shared cache may keep it, no page pass it on.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const token = FEED_FILE.exec(file)?.[1];
    const body = token ? await this.calendar.feedForToken(token) : null;
    // Unknown, revoked or an API token: the same bare 404, so the answer tells nothing about which.
    if (body === null) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', 'inline; filename="docket.ics"')
      .send(body);
  }
}

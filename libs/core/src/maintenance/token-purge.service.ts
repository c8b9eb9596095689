import { ApiTokenEntity } from '@docket/data';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';

export const PURGE_REVOKED_TOKENS_AFTER_DAYS = 30;

/** Revoked tokens are kept a while (they explain a 401 in an audit), then deleted. */
@Injectable()
export class TokenPurgeService {
  constructor(@InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>) {}

  async purgeRevokedTokens(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - PURGE_REVOKED_TOKENS_AFTER_DAYS * 24 * 3600 * 1000);
    const result = await this.tokens.delete({ revokedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}

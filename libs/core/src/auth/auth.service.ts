import { createHash, randomBytes } from 'node:crypto';

import { ApiTokenEntity, UserEntity } from '@docket/data';
import {
  assertName,
  assertPassword,
  assertTimeZone,
  conflict,
  normalizeEmail,
  notFound,
  unauthenticated,
} from '@docket/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import jwt from 'jsonwebtoken';
import { IsNull, Repository } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.util';

const SESSION_TTL_SECONDS = 30 * 24 * 3600;
const API_TOKEN_PREFIX = 'dkt_';
/** lastUsedAt is a hint, not an audit log: write it at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface Viewer {
  user: UserEntity;
  /** The API token used, when not a session token. */
  apiTokenId: string | null;
}

export interface RegisterParams {
  email: string;
  name: string;
  password: string;
  timezone?: string | null;
}

export interface UpdateMeParams {
  name?: string | null;
  timezone?: string | null;
  emailNotifications?: boolean | null;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(ApiTokenEntity) private readonly tokens: Repository<ApiTokenEntity>,
  ) {}

  /** Registers a new user, or completes one who was invited by email (memberships kept). */
  async register(params: RegisterParams): Promise<{ token: string; user: UserEntity }> {
    const email = normalizeEmail(params.email, 'input.email');
    const name = assertName(params.name, 'input.name');
    const password = assertPassword(params.password, 'input.password');
    const timezone = params.timezone ? assertTimeZone(params.timezone, 'input.timezone') : 'UTC';
    const passwordHash = await hashPassword(password);

    const user = await this.users.manager.transaction(async (manager) => {
      const existing = await manager.findOne(UserEntity, { where: { email }, lock: { mode: 'pessimistic_write' } });
      if (existing?.passwordHash) throw conflict(`${email} is already registered`, 'input.email');
      if (existing) {
        Object.assign(existing, { name, passwordHash, timezone });
        return manager.save(existing);
      }
      return manager.save(manager.create(UserEntity, { email, name, passwordHash, timezone }));
    });
    return { token: this.issueSessionToken(user.id), user };
  }

  /** A wrong password and an unknown email answer alike, in about the same time. */
  async login(emailInput: string, password: string): Promise<{ token: string; user: UserEntity }> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.users.findOne({ where: { email } });
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user?.passwordHash || !valid) throw unauthenticated('Wrong email or password');
    return { token: this.issueSessionToken(user.id), user };
  }

  /** Resolves a bearer token (session JWT or API token) to its user. */
  async authenticate(token: string): Promise<Viewer> {
    if (token.startsWith(API_TOKEN_PREFIX)) return this.authenticateApiToken(token);
    let subject: string | undefined;
    try {
      const payload = jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'] });
      subject = typeof payload === 'object' ? payload.sub : undefined;
    } catch {
      throw unauthenticated('The token is invalid or expired');
    }
    const user = subject ? await this.users.findOne({ where: { id: subject } }) : null;
    if (!user?.passwordHash) throw unauthenticated('The token is invalid or expired');
    return { user, apiTokenId: null };
  }

  /**
   * Resolves a calendar feed token to its user's id, recording its use; null for anything else (unknown,
   * revoked, or an API token: a feed URL must not double as GraphQL access, nor an API token leak into a URL).
   */
  async authenticateCalendarToken(token: string): Promise<string | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const apiToken = await this.tokens.findOne({
      where: { tokenHash: hashToken(token), revokedAt: IsNull(), kind: 'CALENDAR' },
    });
    if (!apiToken) return null;
    const now = Date.now();
    if (!apiToken.lastUsedAt || now - apiToken.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.update(apiToken.id, { lastUsedAt: new Date(now) });
    }
    return apiToken.userId;
  }

  async createApiToken(userId: string, nameInput: string, kind: ApiTokenEntity['kind'] = 'API') {
    const name = assertName(nameInput, 'name');
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const apiToken = await this.tokens.save(this.tokens.create({ userId, name, kind, tokenHash: hashToken(token) }));
    return { token, apiToken };
  }

  async listApiTokens(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
  }

  /** Revokes one of the caller's tokens; another user's token is NOT_FOUND, as if it did not exist. */
  async revokeApiToken(userId: string, id: string): Promise<boolean> {
    const result = await this.tokens.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw notFound('API token');
    return true;
  }

  async updateMe(user: UserEntity, params: UpdateMeParams): Promise<UserEntity> {
    if (params.name != null) user.name = assertName(params.name, 'input.name');
    if (params.timezone != null) user.timezone = assertTimeZone(params.timezone, 'input.timezone');
    if (params.emailNotifications != null) user.emailNotifications = params.emailNotifications;
    return this.users.save(user);
  }

  private issueSessionToken(userId: string): string {
    return jwt.sign({}, this.config.jwtSecret, { algorithm: 'HS256', subject: userId, expiresIn: SESSION_TTL_SECONDS });
  }

  private async authenticateApiToken(token: string): Promise<Viewer> {
    const apiToken = await this.tokens.findOne({
      where: { tokenHash: hashToken(token), revokedAt: IsNull() },
      relations: { user: true },
    });
    if (!apiToken?.user || apiToken.kind !== 'API') throw unauthenticated('The API token is invalid or revoked');
    const now = Date.now();
    if (!apiToken.lastUsedAt || now - apiToken.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.update(apiToken.id, { lastUsedAt: new Date(now) });
    }
    return { user: apiToken.user, apiTokenId: apiToken.id };
  }
}

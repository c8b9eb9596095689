import type { UserEntity } from '@docket/data';

import type { UserModel } from './user.model';

export const toUserModel = (user: UserEntity): UserModel => ({
  id: user.id,
  email: user.email,
  name: user.name,
  timezone: user.timezone,
  emailNotifications: user.emailNotifications,
  registered: user.passwordHash !== null,
  createdAt: user.createdAt,
});

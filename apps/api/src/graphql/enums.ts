import { ROLES } from '@docket/domain';
import { registerEnumType } from '@nestjs/graphql';

/** GraphQL enums, registered once from the domain's lists. */
export const Role = Object.fromEntries(ROLES.map((role) => [role, role])) as { [R in (typeof ROLES)[number]]: R };
registerEnumType(Role, { name: 'Role' });

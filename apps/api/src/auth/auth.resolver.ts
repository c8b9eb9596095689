import { AuthService, type Viewer } from '@docket/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { UuidPipe } from '../graphql/uuid.pipe';
import { CurrentViewer } from './current-viewer.decorator';
import { LoginInput, RegisterInput, UpdateMeInput } from './dto/auth.inputs';
import { ApiTokenModel, ApiTokenPayloadModel } from './models/api-token.model';
import { AuthPayloadModel } from './models/auth-payload.model';
import { toUserModel } from './models/user.mapper';
import { UserModel } from './models/user.model';
import { Public } from './public.decorator';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadModel)
  async register(@Args('input') input: RegisterInput): Promise<AuthPayloadModel> {
    const { token, user } = await this.auth.register(input);
    return { token, user: toUserModel(user) };
  }

  @Public()
  @Mutation(() => AuthPayloadModel)
  async login(@Args('input') input: LoginInput): Promise<AuthPayloadModel> {
    const { token, user } = await this.auth.login(input.email, input.password);
    return { token, user: toUserModel(user) };
  }

  @Query(() => UserModel)
  me(@CurrentViewer() viewer: Viewer): UserModel {
    return toUserModel(viewer.user);
  }

  @Mutation(() => UserModel)
  async updateMe(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateMeInput): Promise<UserModel> {
    return toUserModel(await this.auth.updateMe(viewer.user, input));
  }

  @Query(() => [ApiTokenModel], { description: "The caller's API tokens that are not revoked." })
  apiTokens(@CurrentViewer() viewer: Viewer): Promise<ApiTokenModel[]> {
    return this.auth.listApiTokens(viewer.user.id);
  }

  @Mutation(() => ApiTokenPayloadModel)
  createApiToken(@CurrentViewer() viewer: Viewer, @Args('name') name: string): Promise<ApiTokenPayloadModel> {
    return this.auth.createApiToken(viewer.user.id, name);
  }

  @Mutation(() => Boolean)
  revokeApiToken(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.auth.revokeApiToken(viewer.user.id, id);
  }
}

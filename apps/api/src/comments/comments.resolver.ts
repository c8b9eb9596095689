import { CommentsService, type Viewer } from '@docket/core';
import { UserEntity } from '@docket/data';
import { assertPageSize, decodeCursor, extractMentions } from '@docket/domain';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toUserModel } from '../auth/models/user.mapper';
import { UserModel } from '../auth/models/user.model';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { ActivityModel } from '../recommendations/models/activity.model';
import { toRecommendationModel } from '../recommendations/models/recommendation.mapper';
import { RecommendationModel } from '../recommendations/models/recommendation.model';
import { AddCommentInput } from './dto/comment.inputs';
import { toCommentConnection, toCommentModel } from './models/comment.mapper';
import { CommentConnectionModel, CommentModel } from './models/comment.model';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(private readonly comments: CommentsService) {}

  @Mutation(() => CommentModel)
  async addComment(@CurrentViewer() viewer: Viewer, @Args('input') input: AddCommentInput): Promise<CommentModel> {
    return toCommentModel(await this.comments.add(viewer.user.id, input));
  }

  @Mutation(() => CommentModel, { description: 'One’s own comment only.' })
  async editComment(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('body') body: string,
  ): Promise<CommentModel> {
    return toCommentModel(await this.comments.edit(viewer.user.id, id, body));
  }

  @Mutation(() => CommentModel, {
    description: "One's own, or anyone's for ADMIN and MANAGER; it stays in the list with an empty body.",
  })
  async deleteComment(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<CommentModel> {
    return toCommentModel(await this.comments.delete(viewer.user.id, id));
  }

  @ResolveField(() => RecommendationModel)
  async recommendation(@Parent() comment: CommentModel, @Context() ctx: GraphqlContext): Promise<RecommendationModel> {
    const recommendation = await ctx.loaders.recommendation.load(comment.recommendationId);
    if (!recommendation) throw new Error(`Comment ${comment.id} of missing recommendation`);
    return toRecommendationModel(recommendation);
  }

  @ResolveField(() => UserModel)
  async author(@Parent() comment: CommentModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await ctx.loaders.user.load(comment.authorId);
    if (!user) throw new Error(`Comment ${comment.id} of missing author`);
    return toUserModel(user);
  }

  @ResolveField(() => CommentModel, { nullable: true, description: 'The comment this one replies to.' })
  async parent(@Parent() comment: CommentModel, @Context() ctx: GraphqlContext): Promise<CommentModel | null> {
    const parent = comment.parentId ? await ctx.loaders.comment.load(comment.parentId) : null;
    return parent ? toCommentModel(parent) : null;
  }

  @ResolveField(() => [UserModel], { description: 'Team members named as @email in the body, in order.' })
  async mentions(@Parent() comment: CommentModel, @Context() ctx: GraphqlContext): Promise<UserModel[]> {
    const ids = await ctx.loaders.commentMentions.load(comment.id);
    const users = (await ctx.loaders.user.loadMany(ids)).filter((user) => user instanceof UserEntity);
    const order = extractMentions(comment.body);
    return users.sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email)).map(toUserModel);
  }
}

/** `Recommendation.comments` and `Recommendation.commentCount`, each batched over a list. */
@Resolver(() => RecommendationModel)
export class RecommendationCommentsResolver {
  @ResolveField(() => CommentConnectionModel, { description: 'Every comment, replies included, oldest first.' })
  async comments(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CommentConnectionModel> {
    const page = await ctx.loaders.commentPage.load({
      recommendationId: recommendation.id,
      first: assertPageSize(first, 'first'),
      after: after == null ? null : decodeCursor(after, 'after'),
    });
    return toCommentConnection(page, after ?? null);
  }

  @ResolveField(() => Int, { description: 'The comments not deleted.' })
  commentCount(@Parent() recommendation: RecommendationModel, @Context() ctx: GraphqlContext): Promise<number> {
    return ctx.loaders.commentCount.load(recommendation.id);
  }
}

@Resolver(() => ActivityModel)
export class ActivityCommentResolver {
  @ResolveField(() => CommentModel, { nullable: true, description: 'The comment this entry carries.' })
  async comment(@Parent() activity: ActivityModel, @Context() ctx: GraphqlContext): Promise<CommentModel | null> {
    const comment = activity.commentId ? await ctx.loaders.comment.load(activity.commentId) : null;
    return comment ? toCommentModel(comment) : null;
  }
}

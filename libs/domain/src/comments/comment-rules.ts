import { badInput, forbidden } from '../errors';
import type { TeamAction } from '../permissions';

export const MAX_COMMENT_LENGTH = 20_000;

/** Markdown kept as written: 1 to 20,000 characters, and more than whitespace. */
export function assertCommentBody(body: string | null | undefined, field = 'body'): string {
  if (typeof body !== 'string' || body.trim().length === 0) throw badInput(field, 'a comment must not be empty');
  if (body.length > MAX_COMMENT_LENGTH) throw badInput(field, `must be at most ${MAX_COMMENT_LENGTH} characters`);
  return body;
}

/** Only its author edits a comment, whatever their role: nobody puts words in another's mouth. */
export function assertMayEditComment(isAuthor: boolean): void {
  if (!isAuthor) throw forbidden('Only its author may edit a comment');
}

/** Deleting one's own comment is part of commenting; deleting another's is DELETE_ANY_COMMENT. */
export function commentDeleteAction(isAuthor: boolean): TeamAction {
  return isAuthor ? 'COMMENT' : 'DELETE_ANY_COMMENT';
}

/** What the API shows of a body: nothing once the comment is deleted. */
export function visibleCommentBody(comment: { body: string; deletedAt: Date | null }): string {
  return comment.deletedAt ? '' : comment.body;
}

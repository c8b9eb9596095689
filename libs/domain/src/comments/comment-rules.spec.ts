import { DomainError } from '../errors';
import { authorize } from '../permissions';
import {
  assertCommentBody,
  assertMayEditComment,
  commentDeleteAction,
  MAX_COMMENT_LENGTH,
  visibleCommentBody,
} from './comment-rules';

describe('comment rules', () => {
  it('keeps a body as written, from 1 to 20,000 characters', () => {
    expect(assertCommentBody('  *Markdown*  \n', 'input.body')).toBe('  *Markdown*  \n');
    expect(assertCommentBody('x'.repeat(MAX_COMMENT_LENGTH))).toHaveLength(20_000);
  });

  it('refuses an empty, blank or overlong body, naming the field', () => {
    for (const bad of ['', '  \n ', 'x'.repeat(20_001), null]) {
      expect(() => assertCommentBody(bad, 'input.body')).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.body' }),
      );
    }
  });

  it('lets only the author edit, whatever the role', () => {
    expect(() => assertMayEditComment(true)).not.toThrow();
    expect(() => assertMayEditComment(false)).toThrow(DomainError);
    expect(() => assertMayEditComment(false)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it("lets anyone delete their own comment, and only ADMIN or MANAGER another's", () => {
    expect(commentDeleteAction(true)).toBe('COMMENT');
    expect(commentDeleteAction(false)).toBe('DELETE_ANY_COMMENT');
    expect(() => authorize({ role: 'STAKEHOLDER' }, commentDeleteAction(true))).not.toThrow();
    expect(() => authorize({ role: 'MANAGER' }, commentDeleteAction(false))).not.toThrow();
    expect(() => authorize({ role: 'MEMBER' }, commentDeleteAction(false))).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('shows an empty body once deleted', () => {
    expect(visibleCommentBody({ body: 'said', deletedAt: null })).toBe('said');
    expect(visibleCommentBody({ body: 'said', deletedAt: new Date() })).toBe('');
  });
});

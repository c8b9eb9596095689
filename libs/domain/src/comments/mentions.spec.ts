import { extractMentions } from './mentions';

describe('extractMentions', () => {
  it('finds @email mentions, lower-cased, once each, in order', () => {
    expect(extractMentions('Thanks @Alice@Example.com and @bob@example.org.kr, then @alice@example.com again')).toEqual(
      ['alice@example.com', 'bob@example.org.kr'],
    );
  });

  it('stops at punctuation that ends a sentence or a bracket', () => {
    expect(extractMentions('Ask @carol@example.com. Or (@dan@example.com), or @erin@example.com!')).toEqual([
      'carol@example.com',
      'dan@example.com',
      'erin@example.com',
    ]);
    expect(extractMentions('@frank@example.com: please review')).toEqual(['frank@example.com']);
  });

  it('ignores plain addresses, addresses without a dotted domain, and a lone @', () => {
    expect(extractMentions('Mail bob@example.com or @nobody or @ or user@@example.com')).toEqual([]);
    expect(extractMentions('@grace@localhost')).toEqual([]);
  });

  it('ignores mentions in inline code and fenced code blocks', () => {
    const body = [
      'Run `notify @ops@example.com` later.',
      '```',
      'cc @hidden@example.com',
      '```',
      'cc @shown@example.com',
    ].join('\n');
    expect(extractMentions(body)).toEqual(['shown@example.com']);
  });

  it('finds nothing in an empty body', () => {
    expect(extractMentions('')).toEqual([]);
  });
});

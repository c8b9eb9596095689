import { DomainError } from '../errors';
import { assertIdentifier, formatIdentifier, parseIdentifier } from './identifier';

describe('identifiers', () => {
  it('formats the team key and number', () => {
    expect(formatIdentifier('KOR', 3)).toBe('KOR-3');
  });

  it.each([
    ['KOR-3', { teamKey: 'KOR', number: 3 }],
    ['kor-12', { teamKey: 'KOR', number: 12 }],
    ['  AB-1 ', { teamKey: 'AB', number: 1 }],
    ['ABCDE-999999999', { teamKey: 'ABCDE', number: 999999999 }],
  ])('parses %j', (text, parsed) => {
    expect(parseIdentifier(text)).toEqual(parsed);
  });

  it.each(['KOR', 'KOR-', 'KOR-0', 'KOR-03', 'K-3', 'ABCDEF-3', 'KOR-3a', 'KOR_3', '3', '', 'KOR-1234567890', 'KÖR-3'])(
    'refuses %j',
    (text) => {
      expect(parseIdentifier(text)).toBeNull();
    },
  );

  it('assertIdentifier names the field when malformed', () => {
    const run = () => assertIdentifier('nope', 'identifier');
    expect(run).toThrow(DomainError);
    expect(run).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'identifier' }));
    expect(assertIdentifier('KOR-7')).toEqual({ teamKey: 'KOR', number: 7 });
  });
});

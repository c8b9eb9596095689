import { badInput } from '../errors';

// A team key (2 to 5 capitals) and a positive number; lower case is accepted, as people type it.
const IDENTIFIER = /^([A-Za-z]{2,5})-([1-9]\d{0,8})$/;

/** `KOR-3`: the team's key and the recommendation's number within the team. */
export function formatIdentifier(teamKey: string, number: number): string {
  return `${teamKey}-${number}`;
}

export interface ParsedIdentifier {
  teamKey: string;
  number: number;
}

/** `KOR-3` (or `kor-3`) → `{ teamKey: 'KOR', number: 3 }`; null for anything else. */
export function parseIdentifier(identifier: string): ParsedIdentifier | null {
  const match = IDENTIFIER.exec(identifier.trim());
  if (!match) return null;
  return { teamKey: match[1]!.toUpperCase(), number: Number(match[2]) };
}

/** Like `parseIdentifier`, but malformed text is BAD_USER_INPUT naming `field`. */
export function assertIdentifier(identifier: string, field = 'identifier'): ParsedIdentifier {
  const parsed = parseIdentifier(identifier);
  if (!parsed) throw badInput(field, `"${identifier}" is not an identifier such as KOR-3`);
  return parsed;
}

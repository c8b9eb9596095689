import { badInput } from '@docket/domain';
import { GraphQLScalarType, Kind } from 'graphql';

// ISO-8601 with a date, a time and a zone (Z or ±hh:mm); `2026-03-01` alone is ambiguous and refused.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) {
    throw badInput(
      'DateTime',
      `expected an ISO-8601 date-time with a zone, e.g. 2026-03-01T09:00:00Z, got ${JSON.stringify(value)}`,
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw badInput('DateTime', `${JSON.stringify(value)} is not a real date`);
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, ISO-8601 with a zone, e.g. 2026-03-01T09:00:00.000Z.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime', 'expected an ISO-8601 string');
    return parse(ast.value);
  },
});

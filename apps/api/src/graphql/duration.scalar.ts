import { badInput, formatDuration, parseDuration } from '@docket/domain';
import { GraphQLScalarType, Kind } from 'graphql';

/** ISO-8601 durations (`P7D`, `PT12H`, `PT2S`); resolvers see milliseconds. */
export const DurationScalar = new GraphQLScalarType<number, string>({
  name: 'Duration',
  description: 'An ISO-8601 duration, e.g. P7D, PT12H, PT2S.',
  serialize(value) {
    return typeof value === 'number' ? formatDuration(value) : String(value);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw badInput('Duration', 'expected an ISO-8601 duration such as P7D or PT2S');
    return parseDuration(value, 'Duration');
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('Duration', 'expected an ISO-8601 duration such as P7D or PT2S');
    return parseDuration(ast.value, 'Duration');
  },
});

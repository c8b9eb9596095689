import { buildSchema, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';

import { assertWithinLimits, measureOperation } from './query-limits';

const schema = buildSchema(`
  type Query { teams: [Team!]! team: Team items(first: Int = 50): ItemConnection! }
  type Team { key: String! members: [Member!]! }
  type Member { name: String! team: Team! }
  type ItemConnection { nodes: [Item!]! totalCount: Int! }
  type Item { title: String! tags: [String!]! children(first: Int = 10): ItemConnection! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return measureOperation(schema, operation, fragments, variables);
}

describe('query limits', () => {
  it('counts the root field as level 1', () => {
    expect(measure('{ team { key } }').depth).toBe(2);
    expect(measure('{ team { members { team { key } } } }').depth).toBe(4);
  });

  it('multiplies by 50 under a plain list', () => {
    // teams 1 + 50 × (members 1 + 50 × name 1)
    expect(measure('{ teams { members { name } } }').cost).toBe(1 + 50 * (1 + 50));
  });

  it('multiplies by first (or its default) under a connection, not again for nodes', () => {
    expect(measure('{ items(first: 10) { totalCount nodes { title } } }').cost).toBe(1 + 10 * (1 + 1 + 1));
    expect(measure('{ items { nodes { title } } }').cost).toBe(1 + 50 * 2);
    expect(measure('query($n: Int) { items(first: $n) { nodes { title } } }', { n: 3 }).cost).toBe(1 + 3 * 2);
  });

  it('follows fragments and inline fragments', () => {
    const withFragment = measure('{ teams { ...T } } fragment T on Team { members { team { key } } }');
    expect(withFragment).toEqual({ depth: 4, cost: 1 + 50 * (1 + 50 * (1 + 1)) });
    expect(measure('{ team { ... on Team { key } } }')).toEqual({ depth: 2, cost: 2 });
  });

  it('refuses first above 100 as BAD_USER_INPUT naming first', () => {
    expect(() => measure('{ items(first: 101) { totalCount } }')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) }),
    );
  });

  it('refuses depth over 12 and cost over 50,000 with messages naming the limits', () => {
    expect(() => assertWithinLimits({ depth: 13, cost: 1 })).toThrow('maximum depth of 12');
    expect(() => assertWithinLimits({ depth: 2, cost: 50_001 })).toThrow('maximum cost of 50000');
    expect(() => assertWithinLimits({ depth: 12, cost: 50_000 })).not.toThrow();
  });
});

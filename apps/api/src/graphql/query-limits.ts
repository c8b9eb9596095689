import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';

export const MAX_DEPTH = 12;
export const MAX_COST = 50_000;
export const MAX_PAGE_SIZE = 100;
/** What a list without `first` is assumed to hold, for cost. */
export const PLAIN_LIST_COST = 50;

export interface QueryMeasure {
  depth: number;
  cost: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

const validationFailed = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, walk: Walk, path: string): number | null {
  const arg = field.args.find((a) => a.name === 'first');
  if (!arg) return null;
  const given = node.arguments?.find((a) => a.name.value === 'first');
  const value = given ? valueFromAST(given.value, arg.type, walk.variables) : arg.defaultValue;
  if (value == null) return MAX_PAGE_SIZE;
  if (typeof value !== 'number' || value < 0 || value > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first: must be between 0 and ${MAX_PAGE_SIZE} (at ${path})`, {
      extensions: { code: 'BAD_USER_INPUT', field: 'first', http: { status: 400 } },
    });
  }
  return value;
}

/**
 * Depth (root fields are level 1) and cost: every field costs 1 times the page sizes of the lists
 * above it; a list field with `first` multiplies what is under it by `first` (its `nodes`/`edges` add
 * nothing more), any other list by 50.
 */
function measureSelection(
  selection: SelectionSetNode,
  parent: GraphQLOutputType,
  walk: Walk,
  level: number,
  multiplier: number,
  path: string,
  insideConnection: boolean,
  seen: Set<string>,
): QueryMeasure {
  let depth = level - 1;
  let cost = 0;
  const parentType = getNamedType(parent);
  for (const node of selection.selections) {
    if (node.kind === Kind.FRAGMENT_SPREAD || node.kind === Kind.INLINE_FRAGMENT) {
      let set: SelectionSetNode | undefined;
      let typeName: string | undefined;
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(node.name.value)) continue;
        const fragment = walk.fragments[node.name.value];
        set = fragment?.selectionSet;
        typeName = fragment?.typeCondition.name.value;
      } else {
        set = node.selectionSet;
        typeName = node.typeCondition?.name.value;
      }
      if (!set) continue;
      const type = (typeName ? walk.schema.getType(typeName) : parentType) as GraphQLOutputType;
      const nextSeen = node.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, node.name.value]) : seen;
      const inner = measureSelection(set, type, walk, level, multiplier, path, insideConnection, nextSeen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      continue;
    }
    const name = node.name.value;
    if (name.startsWith('__')) continue;
    const fieldPath = path ? `${path}.${name}` : name;
    const fields =
      isObjectType(parentType) || isAbstractType(parentType)
        ? (parentType as GraphQLObjectType).getFields?.()
        : undefined;
    const field = fields?.[name];
    depth = Math.max(depth, level);
    cost += multiplier;
    if (!field || !node.selectionSet) continue;
    const first = pageSize(field, node, walk, fieldPath);
    const returnsList = isListType(getNullableType(field.type));
    let factor = 1;
    if (first !== null) factor = first;
    else if (returnsList && !(insideConnection && (name === 'nodes' || name === 'edges'))) factor = PLAIN_LIST_COST;
    const inner = measureSelection(
      node.selectionSet,
      field.type,
      walk,
      level + 1,
      multiplier * factor,
      fieldPath,
      first !== null,
      seen,
    );
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): QueryMeasure {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return { depth: 0, cost: 0 };
  return measureSelection(operation.selectionSet, root, { schema, fragments, variables }, 1, 1, '', false, new Set());
}

/** Refuses an operation over the limits before any resolver runs. */
export function assertWithinLimits(measure: QueryMeasure): void {
  if (measure.depth > MAX_DEPTH) {
    throw validationFailed(`Query depth ${measure.depth} exceeds the maximum depth of ${MAX_DEPTH}`);
  }
  if (measure.cost > MAX_COST) {
    throw validationFailed(`Query cost ${measure.cost} exceeds the maximum cost of ${MAX_COST}`);
  }
}

import 'reflect-metadata';

import { writeFileSync } from 'node:fs';

import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';

import { RESOLVERS } from './app.module';
import { SCALARS_MAP } from './graphql/graphql-config.module';

/** The schema the API serves, built from the same resolvers without a database. */
export async function buildServedSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS, {
    scalarsMap: SCALARS_MAP,
    numberScalarMode: 'integer',
  });
  await app.close();
  return schema;
}

export function printServedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Writes `apps/api/schema.gql`, the committed copy that the contract ratchet checks. */
export async function emitSchema(path: string): Promise<void> {
  writeFileSync(path, printServedSchema(await buildServedSchema()));
  console.log(`wrote ${path}`);
}

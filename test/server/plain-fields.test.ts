import 'reflect-metadata';
import { graphql, parse, type GraphQLObjectType } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { Authorized, Field, FieldResolver, ObjectType, Query, Resolver, Root, UseMiddleware, buildSchema, type MiddlewareFn } from 'type-graphql';
import { departments } from '../../src/departments';
import { unwrapPlainFields } from '../../src/core/graphql/plain-fields';
import { schemaOf } from '../../src/schema-of';

const seen: string[] = [];
const Trace: MiddlewareFn = async ({ info }, next) => {
  seen.push(info.fieldName);
  return next();
};

@ObjectType()
class Plaque {
  @Field()
  text!: string;

  @Authorized('ADMIN')
  @Field()
  secret!: string;

  @UseMiddleware(Trace)
  @Field()
  traced!: string;

  @Field({ name: 'shown' })
  stored!: string;

  @Field()
  computed!: string;
}

@ObjectType()
class Sign extends Plaque {
  @Field()
  colour!: string;
}

@Resolver(() => Sign)
class SignResolver {
  @Query(() => Sign)
  sign(): Sign {
    return Object.assign(new Sign(), { text: 'e', secret: 'f', traced: 'g', stored: 'h', colour: 'red' });
  }

  /** The inherited `text`, resolved on the subclass. */
  @FieldResolver(() => String)
  text(@Root() sign: Sign): string {
    return sign.text.toUpperCase();
  }
}

@Resolver(() => Plaque)
class PlaqueResolver {
  @Query(() => Plaque)
  plaque(): Plaque {
    return Object.assign(new Plaque(), { text: 'a', secret: 'b', traced: 'c', stored: 'd', computed: 'ignored' });
  }

  @FieldResolver(() => String)
  computed(@Root() plaque: Plaque): string {
    return `${plaque.text}!`;
  }
}

/**
 * Plain fields lose type-graphql's middleware chain, so graphql-jit reads them inline; a field
 * with @Authorized, a middleware, a resolver method or another property name keeps its own.
 */
describe('plain fields', () => {
  it('takes the resolver away only from plain fields, and every field still answers as before', async () => {
    const schema = await buildSchema({ resolvers: [PlaqueResolver, SignResolver], authChecker: ({ context }) => (context as { admin: boolean }).admin, validate: false });
    unwrapPlainFields(schema);
    const fields = (schema.getType('Plaque') as GraphQLObjectType).getFields();
    expect(fields.text.resolve).toBeUndefined();
    for (const kept of ['secret', 'traced', 'shown', 'computed']) expect(fields[kept].resolve).toBeDefined();

    const query = '{ plaque { text secret traced shown computed } }';
    const admin = await graphql({ schema, source: query, contextValue: { admin: true } });
    expect(admin).toEqual({ data: { plaque: { text: 'a', secret: 'b', traced: 'c', shown: 'd', computed: 'a!' } } });
    expect(seen).toEqual(['traced']);

    // Inherited fields count as the subclass's own; one it resolves itself keeps its resolver.
    const sign = (schema.getType('Sign') as GraphQLObjectType).getFields();
    expect(sign.colour.resolve).toBeUndefined();
    expect(sign.text.resolve).toBeDefined();
    expect(sign.secret.resolve).toBeDefined();
    const signed = await graphql({ schema, source: '{ sign { text secret shown colour } }', contextValue: { admin: true } });
    expect(signed).toEqual({ data: { sign: { text: 'E', secret: 'f', shown: 'h', colour: 'red' } } });

    // The auth checker still guards its field, through graphql-jit as well.
    const compiled = compileQuery(schema, parse(query));
    if (!isCompiledQuery(compiled)) throw new Error('did not compile');
    const visitor = (await compiled.query(undefined, { admin: false }, {})) as { data: unknown; errors?: { message: string; path?: readonly unknown[] }[] };
    expect(visitor.data).toBeNull();
    expect(visitor.errors?.[0].path).toEqual(['plaque', 'secret']);
  });

  it('unwraps the hub schema\'s plain fields (Hub.name) and keeps its resolver fields (Hub.live)', async () => {
    const schema = await schemaOf(departments);
    const hub = (schema.getType('Hub') as GraphQLObjectType).getFields();
    expect(hub.name.resolve).toBeUndefined();
    expect(hub.live.resolve).toBeDefined();
    // Inherited from the Connection's base class.
    const connection = (schema.getType('HubConnection') as GraphQLObjectType).getFields();
    expect(connection.totalCount.resolve).toBeUndefined();
  });
});

import { buildSchema } from 'graphql';
import { operationLimits } from '../../src/server/limits/operation-limits';
import { CheckedDocuments } from '../../src/server/limits/checked-documents';
import { readRequestLimits } from '../../src/server/limits/request-limits';

const schema = buildSchema('type Query { a: Int, b(first: Int): [Int] }');
const limits = operationLimits(readRequestLimits({}), { introspection: true });

describe('documents checked once per text (graphql-ws)', () => {
  it('parses and validates a text once: the same document object comes back', () => {
    const documents = new CheckedDocuments(schema, limits);
    const first = documents.check('{ a }');
    expect(first.errors).toEqual([]);
    expect(documents.check('{ a }').document).toBe(first.document);
    expect(documents.check('{ a b }').document).not.toBe(first.document);
  });

  it('keeps no failure: an invalid text is refused every time it is sent', () => {
    const documents = new CheckedDocuments(schema, limits);
    expect(documents.check('{ nope }').errors[0].message).toMatch(/Cannot query field "nope"/);
    expect(documents.check('{ nope }').errors).toHaveLength(1);
    expect(() => documents.check('{ a')).toThrow(/Syntax Error/);
  });

  it('holds at most 500 texts, forgetting the oldest', () => {
    const documents = new CheckedDocuments(schema, limits);
    const oldest = documents.check('{ a }').document;
    for (let i = 0; i < 500; i++) documents.check(`{ a${i}: a }`);
    expect(documents.check('{ a }').document).not.toBe(oldest);
  });
});

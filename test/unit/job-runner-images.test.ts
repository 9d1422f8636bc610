import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { repairEmptyMaps } from '../../functions/src/local/job-runner';

/** DynamoDB Local's stream, read with the SDK, gives an empty map back as `{}` (checked by hand against 3.3.x). */
describe('local stream images', () => {
  it('give empty maps back as maps, at any depth, so the stream jobs can read them', () => {
    const image = { pk: { S: 'AUDIT#1' }, details: {}, nested: { M: { query: {}, n: { N: '1' } } }, list: { L: [{}, { S: 'x' }] } };
    expect(() => unmarshall(image as never)).toThrow(/No value defined/);
    expect(unmarshall(repairEmptyMaps(image) as never)).toEqual({ pk: 'AUDIT#1', details: {}, nested: { query: {}, n: 1 }, list: [{}, 'x'] });
  });

  it('leave well-formed images as they are', () => {
    const image = { pk: { S: 'A' }, m: { M: { a: { BOOL: true } } }, l: { L: [] }, nothing: { NULL: true } };
    expect(repairEmptyMaps(image)).toEqual(image);
    expect(repairEmptyMaps(undefined)).toBeUndefined();
  });
});

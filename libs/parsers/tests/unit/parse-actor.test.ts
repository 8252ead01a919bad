import type { Actor } from '@herald/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseActor } from '../../src/index.ts';

describe('parseActor', () => {
  it.each<[string, Omit<Actor, 'arn'>]>([
    ['arn:aws:iam::123456789012:user/intern', { name: 'intern', kind: 'user', account: '123456789012' }],
    ['arn:aws:iam::1111111111:user/system/cc-xxx', { name: 'cc-xxx', kind: 'user', account: '1111111111' }],
    [
      'arn:aws:sts::448640225317:assumed-role/Okta_AWSPlay_Admin/shubham.agrawal@harness.io',
      { name: 'shubham.agrawal@harness.io', kind: 'assumed-role', role: 'Okta_AWSPlay_Admin', account: '448640225317' },
    ],
    ['arn:aws:sts::1:assumed-role/Role/session', { name: 'session', kind: 'assumed-role', role: 'Role', account: '1' }],
    ['arn:aws:iam::123456789012:root', { name: 'root', kind: 'root', account: '123456789012' }],
    ['arn:aws:sts::123456789012:federated-user/Saanvi_Sarkar', { name: 'Saanvi_Sarkar', kind: 'federated', account: '123456789012' }],
    ['arn:aws-us-gov:iam::123456789012:user/gov-user', { name: 'gov-user', kind: 'user', account: '123456789012' }],
    ['codepipeline.amazonaws.com', { name: 'codepipeline.amazonaws.com', kind: 'service' }],
  ])('reads %s', (arn, expected) => {
    // Prepare, Act
    const actor = parseActor(arn);

    // Assess
    expect(actor).toStrictEqual({ arn, ...expected });
  });

  it.each([
    ['  not an arn  ', 'not an arn'],
    ['arn:aws:iam::123456789012:role/service-role/Deployer', 'arn:aws:iam::123456789012:role/service-role/Deployer'],
    ['arn:aws:sts::123456789012:assumed-role/OnlyRole', 'arn:aws:sts::123456789012:assumed-role/OnlyRole'],
    ['arn:aws:iam::123456789012:user/', 'arn:aws:iam::123456789012:user/'],
    ['', ''],
  ])('names an unknown shape %j by the trimmed input', (arn, name) => {
    // Prepare, Act
    const actor = parseActor(arn);

    // Assess
    expect(actor).toStrictEqual({ arn, name, kind: 'unknown' });
  });

  it('never throws and always keeps the raw ARN', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((rest) => `arn:aws:sts::1:${rest}`)), (arn) => {
        // Act
        const actor = parseActor(arn);

        // Assess
        expect(actor.arn).toBe(arn);
        expect(typeof actor.name).toBe('string');
      }),
    );
  });
});

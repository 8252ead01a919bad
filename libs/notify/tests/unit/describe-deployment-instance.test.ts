import type { DeploymentInstanceEvent, Inline, Line, Notification } from '@herald/model';
import { describe, expect, it } from 'vitest';
import { defaultHeraldConfig, describeDeploymentInstance, parseHeraldConfig } from '../../src/index.ts';

const lineText = (line: Line) => line.map((inline: Inline) => inline.text).join('');
const field = (n: Notification, label: string) => {
  const found = n.fields.find((candidate) => candidate.label === label);
  return found ? lineText(found.value) : undefined;
};

/** As the parser reads `codedeploy-trigger-message-instance-awsdocs.json`. */
const instanceSucceeded: DeploymentInstanceEvent = {
  kind: 'codedeploy.instance',
  via: 'trigger',
  region: 'us-east-2',
  account: '111222333444',
  time: '2015-11-05T17:23:27.564Z',
  deploymentId: 'd-75I7MBT7C',
  instanceId: 'arn:aws:ec2:us-east-2:444455556666:instance/i-496589f7',
  status: 'succeeded',
  rawStatus: 'Succeeded',
  lifecycleEvents: [
    { name: 'ApplicationStop', status: 'Succeeded', startTime: '2015-11-05T17:23:08.595Z', endTime: '2015-11-05T17:23:08.711Z' },
    { name: 'BeforeInstall', status: 'Succeeded', startTime: '2015-11-05T17:23:09.827Z', endTime: '2015-11-05T17:23:10.402Z' },
  ],
};

const instanceFailed: DeploymentInstanceEvent = {
  ...instanceSucceeded,
  status: 'failed',
  rawStatus: 'Failed',
  application: 'ProductionApp-us-west-3',
  deploymentGroup: 'dep-group-def-456',
  lifecycleEvents: [
    { name: 'ApplicationStop', status: 'Succeeded', startTime: '2015-11-05T17:23:08.595Z', endTime: '2015-11-05T17:23:08.711Z' },
    { name: 'BeforeInstall', status: 'Failed', startTime: '2015-11-05T17:23:09.827Z', endTime: '2015-11-05T17:23:10.402Z' },
    { name: 'AfterInstall', status: 'Skipped' },
  ],
};

describe('describeDeploymentInstance', () => {
  it('names the instance, its status and its deployment, linked to the console', () => {
    // Act
    const notification = describeDeploymentInstance(instanceSucceeded, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('✅ Instance i-496589f7 succeeded — deployment d-75I7MBT7C');
    expect(notification).toMatchObject({ status: 'success', color: '#2EB67D', eventKind: 'codedeploy.instance' });
    expect(notification.url).toBe('https://us-east-2.console.aws.amazon.com/codesuite/codedeploy/deployments/d-75I7MBT7C?region=us-east-2');
    expect(field(notification, 'Instance')).toBe('arn:aws:ec2:us-east-2:444455556666:instance/i-496589f7');
    expect(field(notification, 'Deployment')).toBe('d-75I7MBT7C');
    expect(field(notification, 'Duration')).toBe('1 s');
    expect(notification.sections[0]?.lists[0]?.items.map(lineText)).toEqual([
      'ApplicationStop succeeded (< 1 s)',
      'BeforeInstall succeeded (< 1 s)',
    ]);
  });

  it('names the lifecycle event that failed', () => {
    // Act
    const notification = describeDeploymentInstance(instanceFailed, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe(
      '❌ Instance i-496589f7 failed — deployment d-75I7MBT7C (ProductionApp-us-west-3 / dep-group-def-456)',
    );
    expect(notification.fallbackText).toBe(`${notification.title}: BeforeInstall failed`);
    expect(notification).toMatchObject({ status: 'failure', color: '#E01E5A' });
    const [section] = notification.sections;
    expect(section?.lines.map(lineText)).toEqual(['Failed at lifecycle event BeforeInstall.']);
    expect(section?.lists[0]?.items.map(lineText)).toContain('AfterInstall skipped');
  });

  it('links the site of a configured deployment group', () => {
    // Prepare
    const config = parseHeraldConfig({
      targets: {},
      deploymentGroups: { 'ProductionApp-us-west-3/dep-group-def-456': { siteUrl: 'https://shop.example.com/checkout' } },
    });

    // Act
    const notification = describeDeploymentInstance(instanceFailed, config);

    // Assess
    expect(notification.fields.find((f) => f.label === 'Site')?.value).toEqual([
      { type: 'link', text: 'shop.example.com/checkout', url: 'https://shop.example.com/checkout' },
    ]);
  });

  it('keeps an instance id that is not an ARN as sent', () => {
    // Act
    const notification = describeDeploymentInstance({ ...instanceSucceeded, instanceId: 'i-0abc', lifecycleEvents: [] }, defaultHeraldConfig());

    // Assess
    expect(notification.title).toBe('✅ Instance i-0abc succeeded — deployment d-75I7MBT7C');
    expect(notification.sections).toEqual([]);
  });
});

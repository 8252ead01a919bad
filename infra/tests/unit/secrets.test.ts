import { beforeAll, describe, expect, it } from 'vitest';
import { isSecretValue, type Plan } from '../../src/plan/index.ts';
import { fakeWebhookUrls, planHerald, plainTextPaths, resourcesOfType } from '../support/herald-plan.ts';

let plan: Plan;

beforeAll(async () => {
  plan = await planHerald();
});

describe('Herald program: webhook secrets', () => {
  it('stores each target webhook URL as a SecureString parameter whose value is a Pulumi secret', () => {
    // Act
    const parameters = resourcesOfType(plan.resources, 'aws:ssm/parameter:Parameter').map((parameter) => ({
      name: parameter.inputs['name'],
      type: parameter.inputs['type'],
      secret: isSecretValue(parameter.inputs['value']),
      value: isSecretValue(parameter.inputs['value']) ? parameter.inputs['value'].value : undefined,
    }));

    // Assess
    expect(parameters).toEqual([
      { name: '/herald/example/team-slack', type: 'SecureString', secret: true, value: fakeWebhookUrls['team-slack'] },
      { name: '/herald/example/releases', type: 'SecureString', secret: true, value: fakeWebhookUrls.releases },
    ]);
  });

  it('has no webhook URL in clear text in any resource input', () => {
    for (const url of Object.values(fakeWebhookUrls)) {
      // Act
      const leaks = plan.resources.flatMap((planned) =>
        plainTextPaths(planned.inputs, url).map((path) => `${planned.type} ${planned.name}: ${path}`),
      );

      // Assess
      expect(leaks).toEqual([]);
    }
  });

  it('has no webhook URL, nor a secret, in the stack outputs', () => {
    // Act
    const outputs = JSON.stringify(plan.outputs);

    // Assess
    for (const url of Object.values(fakeWebhookUrls)) expect(outputs).not.toContain(url);
    expect(outputs).not.toContain('SECRET');
  });

  it('gives the functions parameter names only', () => {
    // Prepare
    const functions = resourcesOfType(plan.resources, 'aws:lambda/function:Function');

    for (const fn of functions) {
      // Act
      const environment = JSON.stringify(fn.inputs['environment']);

      // Assess
      expect(environment).toContain('/herald/example/team-slack');
      expect(environment).not.toMatch(/hooks\.slack|discord\.example|SECRET/);
    }
  });
});

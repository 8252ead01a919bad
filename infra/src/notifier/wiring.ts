import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { policyJson } from '../aws/index.ts';
import type { Notifier } from './notifier.ts';

/** A service that hands events it could not deliver to a notifier's dead-letter queue. */
export interface DeadLetterSource {
  service: 'events.amazonaws.com' | 'sns.amazonaws.com';
  /** The rule or topic the failed deliveries come from. */
  sourceArn: pulumi.Input<string>;
}

/*
 * EventBridge retries a target for up to 24 hours by default; an hour matches the function's own maximum
 * event age, after which the event waits in the dead-letter queue instead.
 */
const ruleRetryPolicy = { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 185 };

/**
 * Delivers a topic's messages to a notifier: the subscription, and the permission for SNS to invoke the
 * function from this topic only. Messages SNS cannot hand to Lambda go to the notifier's dead-letter queue.
 */
export function subscribeNotifier(
  name: string,
  topicArn: pulumi.Output<string>,
  notifier: Notifier,
  parent: pulumi.Resource,
): DeadLetterSource {
  // Without it SNS is refused; scoped to this topic so no other topic can invoke the function.
  const permission = new aws.lambda.Permission(
    `${name}-invoke`,
    {
      action: 'lambda:InvokeFunction',
      function: notifier.functionName,
      principal: 'sns.amazonaws.com',
      sourceArn: topicArn,
    },
    { parent },
  );
  new aws.sns.TopicSubscription(
    `${name}-subscription`,
    {
      topic: topicArn,
      protocol: 'lambda',
      endpoint: notifier.functionArn,
      redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: notifier.deadLetterQueueArn }),
    },
    { parent, dependsOn: [permission] },
  );
  return { service: 'sns.amazonaws.com', sourceArn: topicArn };
}

/**
 * Sends an EventBridge rule's events to a notifier: the target, and the permission for EventBridge to invoke
 * the function for this rule only. Events EventBridge cannot deliver go to the notifier's dead-letter queue.
 */
export function targetNotifier(
  name: string,
  rule: aws.cloudwatch.EventRule,
  notifier: Notifier,
  parent: pulumi.Resource,
): DeadLetterSource {
  const permission = new aws.lambda.Permission(
    `${name}-invoke`,
    {
      action: 'lambda:InvokeFunction',
      function: notifier.functionName,
      principal: 'events.amazonaws.com',
      sourceArn: rule.arn,
    },
    { parent },
  );
  new aws.cloudwatch.EventTarget(
    `${name}-target`,
    {
      rule: rule.name,
      arn: notifier.functionArn,
      retryPolicy: ruleRetryPolicy,
      deadLetterConfig: { arn: notifier.deadLetterQueueArn },
    },
    { parent, dependsOn: [permission] },
  );
  return { service: 'events.amazonaws.com', sourceArn: rule.arn };
}

/**
 * Lets the EventBridge rules and SNS topics that feed a notifier park what they could not deliver (the
 * function deleted, its permission missing) in the notifier's dead-letter queue, next to the invocations that
 * failed. A queue has a single policy, so it is made once, with every source.
 */
export function deadLetterQueuePolicy(
  name: string,
  notifier: Notifier,
  sources: DeadLetterSource[],
  parent: pulumi.Resource,
): aws.sqs.QueuePolicy | undefined {
  if (sources.length === 0) return undefined;
  const services = [...new Set(sources.map((source) => source.service))];
  return new aws.sqs.QueuePolicy(
    name,
    {
      queueUrl: notifier.deadLetterQueueUrl,
      policy: policyJson(
        services.map((service) => ({
          Sid: service === 'sns.amazonaws.com' ? 'UndeliveredFromTopics' : 'UndeliveredFromRules',
          Effect: 'Allow',
          Principal: { Service: service },
          Action: 'sqs:SendMessage',
          Resource: notifier.deadLetterQueueArn,
          Condition: {
            ArnEquals: {
              'aws:SourceArn': sources.filter((source) => source.service === service).map((source) => source.sourceArn),
            },
          },
        })),
      ),
    },
    { parent },
  );
}

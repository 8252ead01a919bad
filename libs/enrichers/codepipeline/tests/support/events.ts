import type { DeploymentEvent, PipelineExecutionEvent, PipelineState } from '@herald/model';
import { loadFixture } from '@herald/testing';

interface PipelineDetail {
  pipeline: string;
  'execution-id': string;
  state: string;
  stage?: string;
  action?: string;
  type?: { owner?: string; provider?: string; category?: string };
  'execution-trigger'?: { 'trigger-type'?: string; 'trigger-detail'?: string };
  'execution-result'?: {
    'external-execution-summary'?: string;
    'external-execution-url'?: string;
    'external-execution-id'?: string;
    'error-code'?: string;
  };
}

interface PipelineStateChange {
  'detail-type'?: string;
  detailType?: string;
  region: string;
  account?: string;
  time?: string;
  detail: PipelineDetail;
  additionalAttributes?: {
    failedStage?: string;
    failedActions?: { action: string; additionalInformation?: string }[];
  };
}

const LEVELS: Record<string, PipelineExecutionEvent['level']> = {
  'CodePipeline Pipeline Execution State Change': 'pipeline',
  'CodePipeline Stage Execution State Change': 'stage',
  'CodePipeline Action Execution State Change': 'action',
};

function unwrap<T>(relativePath: string): T {
  const raw = loadFixture<Record<string, unknown>>(relativePath);
  const records = raw['Records'] as { Sns: { Message: string } }[] | undefined;
  return (records ? JSON.parse(records[0]?.Sns.Message ?? '{}') : raw) as T;
}

/** A pipeline event with the fields the enricher reads. */
export function pipelineEvent(fields: Partial<PipelineExecutionEvent> & Pick<PipelineExecutionEvent, 'pipeline' | 'executionId'>): PipelineExecutionEvent {
  return { kind: 'codepipeline.execution', via: 'eventbridge', level: 'pipeline', region: 'us-west-2', state: 'started', rawState: 'STARTED', ...fields };
}

/**
 * The pipeline event a bundled CodePipeline sample describes (EventBridge, notification rule, or a
 * notification rule through SNS), read without the parser so these tests depend on the enricher only.
 */
export function pipelineEventFromFixture(relativePath: string): PipelineExecutionEvent {
  const event = unwrap<PipelineStateChange>(relativePath);
  const { detail } = event;
  const trigger = detail['execution-trigger'];
  const result = detail['execution-result'];
  const failedActions = event.additionalAttributes?.failedActions;
  const failedStage = event.additionalAttributes?.failedStage ?? detail.stage;
  return {
    kind: 'codepipeline.execution',
    via: event.detailType ? 'notification-rule' : 'eventbridge',
    level: LEVELS[event['detail-type'] ?? event.detailType ?? ''] ?? 'pipeline',
    region: event.region,
    ...(event.account ? { account: event.account } : {}),
    pipeline: detail.pipeline,
    executionId: detail['execution-id'],
    state: detail.state.toLowerCase() as PipelineState,
    rawState: detail.state,
    ...(detail.stage ? { stage: detail.stage } : {}),
    ...(detail.action ? { action: detail.action } : {}),
    ...(detail.type ? { actionType: detail.type } : {}),
    ...(trigger ? { trigger: { type: trigger['trigger-type'], detail: trigger['trigger-detail'] } } : {}),
    ...(result
      ? {
          result: {
            summary: result['external-execution-summary'],
            url: result['external-execution-url'],
            externalId: result['external-execution-id'],
            errorCode: result['error-code'],
          },
        }
      : {}),
    ...(failedActions
      ? { failedActions: failedActions.map(({ action, additionalInformation }) => ({ action, stage: failedStage, info: additionalInformation })) }
      : {}),
  };
}

/** A deployment event with the fields the enricher reads. */
export function deploymentEvent(deploymentId: string, application: string, deploymentGroup: string, region: string): DeploymentEvent {
  return { kind: 'codedeploy.deployment', via: 'trigger', region, application, deploymentGroup, deploymentId, status: 'succeeded', rawStatus: 'SUCCEEDED' };
}

interface DeploymentTriggerMessage {
  region: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentId: string;
  status: string;
}

interface DeploymentStateChange {
  region: string;
  detail: { application: string; deploymentGroup: string; deploymentId: string; state: string };
}

/** The deployment event a bundled CodeDeploy sample (SNS trigger or EventBridge) describes, read without the parser. */
export function deploymentEventFromFixture(relativePath: string): DeploymentEvent {
  const event = unwrap<DeploymentTriggerMessage | DeploymentStateChange>(relativePath);
  if ('detail' in event) {
    const { detail } = event;
    return { ...deploymentEvent(detail.deploymentId, detail.application, detail.deploymentGroup, event.region), via: 'eventbridge', rawStatus: detail.state };
  }
  return { ...deploymentEvent(event.deploymentId, event.applicationName, event.deploymentGroupName, event.region), rawStatus: event.status };
}

import type { EventSourceRevision, PipelineExecutionEvent } from '@herald/model';
import { arrayFrom, objectFrom, textField } from '../shared/loose-fields.ts';
import { compact } from '../shared/values.ts';

type FailedAction = NonNullable<PipelineExecutionEvent['failedActions']>[number];

export interface NotificationAttributes {
  failedActions: FailedAction[];
  sourceRevisions: EventSourceRevision[];
}

/** Where the attributes sit: the stage and action of the event itself, and whether it failed. */
export interface AttributeScope {
  stage?: string | undefined;
  action?: string | undefined;
  isFailure: boolean;
}

/**
 * What a notification rule adds to a CodePipeline event in `additionalAttributes`, read liberally
 * (field names vary between samples and over time):
 * - `failedActions[{action, additionalInformation}]` with `failedStage` (pipeline failures) or the event's
 *   own stage (stage failures);
 * - `additionalInformation` alone on a failed action event: the action's own failure;
 * - `sourceActions[{sourceActionName, sourceActionProvider, sourceActionVariables{CommitId, CommitMessage, …}}]`.
 *
 * @example
 * readNotificationAttributes({ failedStage: 'Deploy', failedActions: [{ action: 'Deploy', additionalInformation: 'Boom' }] }, { isFailure: true });
 * // { failedActions: [{ stage: 'Deploy', action: 'Deploy', info: 'Boom' }], sourceRevisions: [] }
 */
export function readNotificationAttributes(value: unknown, scope: AttributeScope): NotificationAttributes {
  const attributes = objectFrom(value);
  if (attributes === undefined) return { failedActions: [], sourceRevisions: [] };
  return {
    failedActions: [...listedFailedActions(attributes, scope), ...ownFailure(attributes, scope)],
    sourceRevisions: (arrayFrom(attributes['sourceActions']) ?? []).flatMap(toSourceRevision),
  };
}

function listedFailedActions(attributes: Record<string, unknown>, scope: AttributeScope): FailedAction[] {
  const failedStage = textField(attributes, 'failedStage', 'failedStageName') ?? scope.stage;
  return (arrayFrom(attributes['failedActions']) ?? []).flatMap((entry) => {
    const record = objectFrom(entry);
    const action = record === undefined ? undefined : textField(record, 'action', 'actionName', 'name');
    if (record === undefined || action === undefined) return [];
    const failedAction: FailedAction = {
      stage: textField(record, 'stage', 'stageName') ?? failedStage,
      action,
      info: textField(record, 'additionalInformation', 'info', 'message', 'summary'),
    };
    return [compact(failedAction)];
  });
}

function ownFailure(attributes: Record<string, unknown>, scope: AttributeScope): FailedAction[] {
  const info = textField(attributes, 'additionalInformation');
  if (!scope.isFailure || scope.action === undefined || info === undefined) return [];
  return [compact({ stage: scope.stage, action: scope.action, info })];
}

function toSourceRevision(entry: unknown): EventSourceRevision[] {
  const record = objectFrom(entry);
  if (record === undefined) return [];
  const variables = objectFrom(record['sourceActionVariables']) ?? {};
  const revision = compact({
    action: textField(record, 'sourceActionName', 'actionName', 'action'),
    revisionId: textField(variables, 'CommitId', 'RevisionId', 'VersionId', 'ImageDigest'),
    summary: textField(variables, 'CommitMessage', 'RevisionSummary'),
    url: textField(variables, 'CommitUrl', 'RevisionUrl'),
  });
  return Object.keys(revision).length === 0 ? [] : [revision];
}

import type { PipelineState } from '@herald/model';
import { lookup } from '../shared/values.ts';

const STATE_BY_NAME: Readonly<Record<string, PipelineState>> = {
  STARTED: 'started',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELED: 'canceled',
  CANCELLED: 'canceled',
  SUPERSEDED: 'superseded',
  RESUMED: 'resumed',
  STOPPED: 'stopped',
  STOPPING: 'stopping',
  ABANDONED: 'abandoned',
};

/**
 * A pipeline, stage or action `state` as CodePipeline wrote it (any case) → {@link PipelineState}.
 *
 * @example
 * toPipelineState('SUPERSEDED'); // 'superseded'
 * toPipelineState('Paused');     // 'unknown'
 */
export function toPipelineState(rawState: string): PipelineState {
  return lookup(STATE_BY_NAME, rawState.trim().toUpperCase()) ?? 'unknown';
}

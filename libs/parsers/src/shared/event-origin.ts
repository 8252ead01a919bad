import type { Delivery } from '../envelopes/delivery.ts';
import { parseArn } from './arn.ts';

export interface OriginSources {
  /** What the event itself says, most trusted first. */
  regions?: readonly (string | undefined)[];
  accounts?: readonly (string | undefined)[];
  /** ARNs found in the event (resources, build ids, instance ids…). */
  arns?: readonly (string | undefined)[];
  delivery: Delivery;
}

/**
 * Where an event happened: the region and account the event names, else those of an ARN in it, else
 * those of the SNS topic that delivered it.
 *
 * @example
 * resolveOrigin({ arns: ['arn:aws:codepipeline:eu-west-1:123456789012:my-pipeline'], delivery: {} });
 * // { region: 'eu-west-1', account: '123456789012' }
 */
export function resolveOrigin(sources: OriginSources): { region?: string | undefined; account?: string | undefined } {
  const arns = [...(sources.arns ?? []), sources.delivery.topicArn].map(parseArn);
  return {
    region: firstDefined([...(sources.regions ?? []), ...arns.map((arn) => arn?.region)]),
    account: firstDefined([...(sources.accounts ?? []), ...arns.map((arn) => arn?.account)]),
  };
}

function firstDefined(values: readonly (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '');
}

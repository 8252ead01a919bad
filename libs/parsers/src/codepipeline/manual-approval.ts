import type { ApprovalEvent } from '@herald/model';
import { toIsoTime } from '@herald/model';
import * as z from 'zod/mini';
import type { Delivery } from '../envelopes/delivery.ts';
import { failed, parsed, type ParseOutcome } from '../parse-error.ts';
import { resolveOrigin } from '../shared/event-origin.ts';
import { objectFrom } from '../shared/loose-fields.ts';
import { optionalText, requiredText } from '../shared/loose-schemas.ts';
import { compact } from '../shared/values.ts';
import { reasonFromZodError } from '../shared/zod-reason.ts';

const SUBJECT = 'CodePipeline manual approval';

/**
 * The message a manual-approval action publishes to SNS (Subject `APPROVAL NEEDED: …`). It links to the
 * review page only; an approve link is read when a producer adds one.
 */
const approvalMessageSchema = z.object(
  {
    region: optionalText,
    consoleLink: optionalText,
    approval: z.pipe(
      z.transform((value: unknown) => objectFrom(value) ?? value),
      z.object(
        {
          pipelineName: requiredText,
          stageName: requiredText,
          actionName: requiredText,
          token: optionalText,
          expires: z.optional(z.unknown()),
          externalEntityLink: optionalText,
          approvalReviewLink: optionalText,
          approveLink: optionalText,
          customData: optionalText,
        },
        { error: 'must be an object' },
      ),
    ),
  },
  { error: 'must be an object' },
);

/** A manual-approval message: it holds an `approval` and no `detail-type`. */
export function isManualApprovalMessage(value: Record<string, unknown>): boolean {
  return 'approval' in value;
}

/**
 * A manual-approval SNS message → an approval event. It carries no id, time or account of its own: the
 * SNS message id, timestamp and topic stand in.
 *
 * @example
 * parseManualApproval(JSON.parse(record.Sns.Message), { messageId: record.Sns.MessageId });
 * // { ok: true, event: { kind: 'codepipeline.approval', pipeline: 'my-pipeline', stage: 'Approval', action: 'Approval', ... } }
 */
export function parseManualApproval(message: Record<string, unknown>, delivery: Delivery): ParseOutcome {
  const result = approvalMessageSchema.safeParse(message);
  if (!result.success) return failed(reasonFromZodError(SUBJECT, result.error));
  const { approval, consoleLink } = result.data;

  const { region, account } = resolveOrigin({ regions: [result.data.region], delivery });
  if (region === undefined) return failed(`${SUBJECT}: region must be a non-empty string`);

  const event: ApprovalEvent = {
    kind: 'codepipeline.approval',
    region,
    account,
    time: toIsoTime(delivery.timestamp),
    eventId: delivery.messageId,
    pipeline: approval.pipelineName,
    stage: approval.stageName,
    action: approval.actionName,
    token: approval.token,
    expires: toIsoTime(approval.expires),
    reviewUrl: approval.approvalReviewLink,
    approveUrl: approval.approveLink,
    consoleUrl: consoleLink,
    customData: approval.customData,
    externalEntityLink: approval.externalEntityLink,
  };
  return parsed(compact(event));
}

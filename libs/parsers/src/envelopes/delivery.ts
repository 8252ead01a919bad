/**
 * What the SNS envelope around an event says about it: the fallbacks for events that carry no id,
 * time, region or account of their own (CodeDeploy triggers, manual approvals). Empty outside SNS.
 */
export interface Delivery {
  messageId?: string | undefined;
  /** The topic's ARN: its region and account stand in for an event that names neither. */
  topicArn?: string | undefined;
  subject?: string | undefined;
  /** When SNS published the message, as sent. */
  timestamp?: string | undefined;
}

export const NO_DELIVERY: Delivery = {};

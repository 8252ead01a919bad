/** `FAILED: AWS CodeDeploy d-X in eu-west-2 to my-app` */
const TRIGGER_SUBJECT = /^\s*([A-Za-z_]+):\s+AWS CodeDeploy\s+(\S+)\s+in\s+(\S+)\s+to\s+(.+?)\s*$/;
/** SNS subjects are at most 100 characters; longer text is not a subject AWS wrote. */
const MAX_SUBJECT_LENGTH = 100;

export interface DeploymentSubject {
  status: string;
  deploymentId: string;
  region: string;
  application: string;
}

/**
 * What the SNS Subject of a CodeDeploy trigger says, used only where the message itself is silent.
 *
 * @example
 * parseDeploymentSubject('FAILED: AWS CodeDeploy d-X in eu-west-2 to my-app');
 * // { status: 'FAILED', deploymentId: 'd-X', region: 'eu-west-2', application: 'my-app' }
 */
export function parseDeploymentSubject(subject: string | undefined): DeploymentSubject | undefined {
  if (subject === undefined || subject.length > MAX_SUBJECT_LENGTH) return undefined;
  const match = TRIGGER_SUBJECT.exec(subject);
  if (!match) return undefined;
  const [, status, deploymentId, region, application] = match;
  if (status === undefined || deploymentId === undefined || region === undefined || application === undefined) {
    return undefined;
  }
  return { status, deploymentId, region, application };
}

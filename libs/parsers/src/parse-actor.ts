import type { Actor } from '@herald/model';

/** `arn:<partition>:<iam|sts>:<region, empty>:<account>:<resource>` */
const IAM_OR_STS_ARN = /^arn:[^:]*:(iam|sts):[^:]*:([^:]*):(.+)$/;
const SERVICE_PRINCIPAL = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;

/**
 * Makes an IAM/STS identity ARN readable: who pushed, merged or approved.
 *
 * - `arn:aws:iam::1:user/system/cc-xxx` → user `cc-xxx` (the last path segment)
 * - `arn:aws:sts::1:assumed-role/Role/session` → assumed role `Role`, name `session`
 * - `arn:aws:iam::1:root` → `root`
 * - `arn:aws:sts::1:federated-user/Name` → federated `Name`
 * - `codepipeline.amazonaws.com` → service
 * - anything else → kind `unknown`, name = the input trimmed
 *
 * @example
 * parseActor('arn:aws:sts::123456789012:assumed-role/Admin/Mary_Major');
 * // { arn: '…', name: 'Mary_Major', kind: 'assumed-role', role: 'Admin', account: '123456789012' }
 */
export function parseActor(arn: string): Actor {
  const trimmed = arn.trim();
  if (SERVICE_PRINCIPAL.test(trimmed)) return { arn, name: trimmed, kind: 'service' };
  const match = IAM_OR_STS_ARN.exec(trimmed);
  const [, service, accountField, resource] = match ?? [];
  const account = accountField === undefined || accountField === '' ? undefined : accountField;
  const known = resource === undefined ? undefined : actorFromResource(service, resource);
  if (known === undefined) return { arn, name: trimmed, kind: 'unknown' };
  return account === undefined ? { arn, ...known } : { arn, ...known, account };
}

type ResourceActor = Pick<Actor, 'name' | 'kind' | 'role'>;

function actorFromResource(service: string | undefined, resource: string): ResourceActor | undefined {
  const [type, ...rest] = resource.split('/');
  const last = rest.at(-1);
  if (service === 'iam' && resource === 'root') return { name: 'root', kind: 'root' };
  if (service === 'iam' && type === 'user' && last) return { name: last, kind: 'user' };
  if (service === 'sts' && type === 'federated-user' && last) return { name: last, kind: 'federated' };
  if (service === 'sts' && type === 'assumed-role' && rest.length >= 2) {
    const role = rest.at(-2);
    // The session name is what the person or tool chose to be called; the role says which door they used.
    if (role && last) return { name: last, kind: 'assumed-role', role };
  }
  return undefined;
}

import type { ReferenceKind, ReferenceUpdate } from '@herald/model';

const BRANCH_PREFIX = 'refs/heads/';
const TAG_PREFIX = 'refs/tags/';

/**
 * What a full git reference name says about itself: `refs/heads/main` is the branch `main`,
 * `refs/tags/v1.0` the tag `v1.0`; anything else (notes, pull-request refs…) keeps its full name.
 */
export function describeReferenceName(fullName: string): Pick<ReferenceUpdate, 'fullName' | 'name' | 'kind'> {
  if (fullName.startsWith(BRANCH_PREFIX) && fullName.length > BRANCH_PREFIX.length) {
    return { fullName, name: fullName.slice(BRANCH_PREFIX.length), kind: 'branch' };
  }
  if (fullName.startsWith(TAG_PREFIX) && fullName.length > TAG_PREFIX.length) {
    return { fullName, name: fullName.slice(TAG_PREFIX.length), kind: 'tag' };
  }
  return { fullName, name: fullName, kind: 'other' };
}

/** The full name of a short branch or tag name, e.g. (`branch`, `main`) → `refs/heads/main`. */
export function fullReferenceName(kind: ReferenceKind, name: string): string {
  if (name.startsWith('refs/')) return name;
  if (kind === 'tag') return `${TAG_PREFIX}${name}`;
  return `${BRANCH_PREFIX}${name}`;
}

/** A commit id worth passing on: not blank and not git's all-zero "no commit" id. */
export function meaningfulCommitId(commitId: string | undefined): string | undefined {
  if (commitId === undefined) return undefined;
  const trimmed = commitId.trim();
  return trimmed === '' || /^0+$/.test(trimmed) ? undefined : trimmed;
}

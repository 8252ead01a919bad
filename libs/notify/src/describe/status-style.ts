import type { NotificationStatus } from '@herald/model';

/**
 * The colour of a notification by its status, for every kind but pushes (they keep their branch colours).
 *
 * @example
 * statusColors.failure; // '#E01E5A'
 */
export const statusColors: Readonly<Record<NotificationStatus, string>> = {
  success: '#2EB67D',
  failure: '#E01E5A',
  info: '#36C5F0',
  warning: '#ECB22E',
};

/** The mark a run's title starts with, so success and failure read at a glance. */
export const runMarks = {
  succeeded: '✅',
  failed: '❌',
  running: '▶️',
  stopped: '⏹️',
  superseded: '⏭️',
  timedOut: '⏱️',
  waiting: '✋',
  other: 'ℹ️',
} as const;

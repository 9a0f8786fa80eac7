import type { ReviewerRole, ReviewStatus } from './reviewSchemas';

/**
 * The review workflow as one typed table: for each status, what a new submission meets (the
 * lock), whether the return counts in the tallies of accepted returns, and for each reviewer's
 * action at each level what it leads to, or which refusal it meets. The API decides with it,
 * the CLI and the pane read it (which actions to offer, what bulk accept takes); nothing else
 * holds a rule of the workflow.
 *
 * A new submission always makes a return `submitted` again (its review starts over), unless
 * its status locks it.
 */

/** A reviewer's actions on one return (the audit trail also records `submit` and `exception`). */
export const REVIEW_COMMANDS = ['accept', 'send_back', 'reopen'] as const;
export type ReviewCommandAction = (typeof REVIEW_COMMANDS)[number];

/** The level at which a reviewer acts: a zone reviewer accepts first, headquarters last. */
export type ReviewLevel = 'zone' | 'hq';

/** Who reviews at which level: headquarters every unit, a zone reviewer the units of its zone, a unit never. */
export const LEVEL_OF_ROLE: Record<ReviewerRole, ReviewLevel | null> = { hq: 'hq', zone: 'zone', unit: null };

/** Why an action is refused in a status (each has its text where the refusal is written). */
export type RefusalReason =
  /** Accepting what this level (or HQ) has already accepted. */
  | 'already_accepted'
  /** Accepting what was sent back: it waits for the unit's new version. */
  | 'awaiting_new_version'
  /** Sending back what was accepted: reopen it first. */
  | 'reopen_first'
  | 'already_sent_back'
  /** A zone reopening what headquarters accepted. */
  | 'hq_reopens'
  | 'nothing_to_reopen';

/** The refusal codes of the workflow (a kind of conflict, or forbidden for `hq_reopens`). */
export type RefusalCode = 'review.already_accepted' | 'review.not_pending' | 'review.forbidden';

const REFUSAL_CODE: Record<RefusalReason, RefusalCode> = {
  already_accepted: 'review.already_accepted',
  awaiting_new_version: 'review.not_pending',
  reopen_first: 'review.not_pending',
  already_sent_back: 'review.not_pending',
  hq_reopens: 'review.forbidden',
  nothing_to_reopen: 'review.not_pending',
};

/** What an action leads to: the next status, or a refusal (the return is left as it was). */
export type Outcome = { to: ReviewStatus } | { refused: RefusalReason };

/** The lock a new submission meets in a status (`lock.period_closed` follows from dates, not from the status). */
export type StatusLock = 'lock.accepted' | 'lock.zone_accepted';

export interface StatusRow {
  /** The lock a new version of the return meets; null: a new version replaces it (and the review starts over). */
  lock: StatusLock | null;
  /** Counted in the tallies of accepted returns (`include=accepted`). */
  countedAsAccepted: boolean;
  /** How much a return in this status needs someone's attention (1 most): a unit with several returns shows the most pressing. */
  attention: number;
  /** Each action by each level. */
  actions: Record<ReviewCommandAction, Record<ReviewLevel, Outcome>>;
}

const both = (o: Outcome): Record<ReviewLevel, Outcome> => ({ zone: o, hq: o });
/** Awaiting review: a zone accepts first, headquarters last; either sends back. */
const pending: StatusRow['actions'] = {
  accept: { zone: { to: 'zone_accepted' }, hq: { to: 'accepted' } },
  send_back: both({ to: 'returned' }),
  reopen: both({ refused: 'nothing_to_reopen' }),
};

/** The table. */
export const REVIEW_WORKFLOW: Record<ReviewStatus, StatusRow> = {
  submitted: { lock: null, countedAsAccepted: false, attention: 3, actions: pending },
  reopened: { lock: null, countedAsAccepted: false, attention: 2, actions: pending },
  returned: {
    lock: null,
    countedAsAccepted: false,
    attention: 1,
    actions: { accept: both({ refused: 'awaiting_new_version' }), send_back: both({ refused: 'already_sent_back' }), reopen: both({ refused: 'nothing_to_reopen' }) },
  },
  zone_accepted: {
    lock: 'lock.zone_accepted',
    countedAsAccepted: false,
    attention: 4,
    actions: {
      accept: { zone: { refused: 'already_accepted' }, hq: { to: 'accepted' } },
      send_back: { zone: { refused: 'reopen_first' }, hq: { to: 'returned' } },
      reopen: both({ to: 'reopened' }),
    },
  },
  accepted: {
    lock: 'lock.accepted',
    countedAsAccepted: true,
    attention: 5,
    actions: {
      accept: both({ refused: 'already_accepted' }),
      send_back: both({ refused: 'reopen_first' }),
      reopen: { zone: { refused: 'hq_reopens' }, hq: { to: 'reopened' } },
    },
  },
};

/** What `action` by `level` makes of a return in `status`. */
export function transition(status: ReviewStatus, action: ReviewCommandAction, level: ReviewLevel): Outcome {
  return REVIEW_WORKFLOW[status].actions[action][level];
}

/** The refusal code of a reason. */
export function refusalCode(reason: RefusalReason): RefusalCode {
  return REFUSAL_CODE[reason];
}

/** Whether `level` may take `action` on a return in `status` (what a pane or CLI offers). */
export function mayTake(status: ReviewStatus, action: ReviewCommandAction, level: ReviewLevel): boolean {
  return 'to' in transition(status, action, level);
}

/** The actions `level` may take on a return in `status`, in the table's order. */
export function actionsFor(status: ReviewStatus, level: ReviewLevel): ReviewCommandAction[] {
  return REVIEW_COMMANDS.filter((a) => mayTake(status, a, level));
}

/** What bulk accept takes for `level`: the statuses this level may accept from. */
export function awaitingAcceptance(level: ReviewLevel): ReviewStatus[] {
  return (Object.keys(REVIEW_WORKFLOW) as ReviewStatus[]).filter((s) => mayTake(s, 'accept', level));
}

/** Of several statuses, the one that most needs attention. */
export function mostPressing(statuses: ReviewStatus[]): ReviewStatus | null {
  return statuses.reduce<ReviewStatus | null>((best, s) => (best === null || REVIEW_WORKFLOW[s].attention < REVIEW_WORKFLOW[best].attention ? s : best), null);
}

/** The status a new submission gives a return. */
export const AFTER_SUBMIT: ReviewStatus = 'submitted';

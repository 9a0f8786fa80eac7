import { reviewStatusSchema, type ReviewStatus } from './reviewSchemas';
import { actionsFor, AFTER_SUBMIT, awaitingAcceptance, mayTake, mostPressing, refusalCode, REVIEW_COMMANDS, REVIEW_WORKFLOW, transition, type ReviewLevel } from './reviewWorkflow';

const STATUSES = reviewStatusSchema.options;
const LEVELS: ReviewLevel[] = ['zone', 'hq'];

describe('the review workflow table', () => {
  test('names every status the API knows, and every action at every level', () => {
    expect(Object.keys(REVIEW_WORKFLOW).sort()).toEqual([...STATUSES].sort());
    for (const s of STATUSES) for (const a of REVIEW_COMMANDS) for (const l of LEVELS) expect(transition(s, a, l)).toBeDefined();
  });

  test('no action leads back to submitted: only a new version does', () => {
    for (const s of STATUSES) for (const a of REVIEW_COMMANDS) for (const l of LEVELS) expect(transition(s, a, l)).not.toEqual({ to: 'submitted' });
    expect(AFTER_SUBMIT).toBe('submitted');
  });

  test('a zone accepts first and headquarters last; only headquarters undoes its own acceptance', () => {
    expect(transition('submitted', 'accept', 'zone')).toEqual({ to: 'zone_accepted' });
    expect(transition('zone_accepted', 'accept', 'hq')).toEqual({ to: 'accepted' });
    expect(transition('submitted', 'accept', 'hq')).toEqual({ to: 'accepted' });
    expect(transition('accepted', 'reopen', 'zone')).toEqual({ refused: 'hq_reopens' });
    expect(refusalCode('hq_reopens')).toBe('review.forbidden');
    for (const a of REVIEW_COMMANDS) expect(mayTake('accepted', a, 'zone')).toBe(false);
  });

  test('the locks a new version meets are exactly the accepted statuses; only HQ acceptance counts in accepted tallies', () => {
    const locked = STATUSES.filter((s) => REVIEW_WORKFLOW[s].lock);
    expect(locked.sort()).toEqual(['accepted', 'zone_accepted']);
    expect(STATUSES.filter((s) => REVIEW_WORKFLOW[s].countedAsAccepted)).toEqual(['accepted']);
    // Whatever is locked can be opened again by headquarters, so nothing stays locked for good.
    for (const s of locked) expect(mayTake(s, 'reopen', 'hq')).toBe(true);
  });

  test('bulk accept takes what each level may accept', () => {
    expect(awaitingAcceptance('zone').sort()).toEqual(['reopened', 'submitted']);
    expect(awaitingAcceptance('hq').sort()).toEqual(['reopened', 'submitted', 'zone_accepted']);
  });

  test('every status is reachable from a submission, and the actions offered follow the table', () => {
    const seen = new Set<ReviewStatus>([AFTER_SUBMIT]);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of [...seen])
        for (const l of LEVELS)
          for (const a of actionsFor(s, l)) {
            const o = transition(s, a, l);
            if ('to' in o && !seen.has(o.to)) {
              seen.add(o.to);
              grew = true;
            }
          }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
    expect(actionsFor('returned', 'hq')).toEqual([]);
    expect(actionsFor('zone_accepted', 'zone')).toEqual(['reopen']);
  });

  test('a unit with several returns shows the most pressing status', () => {
    expect(mostPressing(['accepted', 'submitted', 'returned'])).toBe('returned');
    expect(mostPressing(['accepted', 'zone_accepted'])).toBe('zone_accepted');
    expect(mostPressing([])).toBeNull();
  });
});

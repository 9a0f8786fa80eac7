import { submitReturns } from '@returns-hub/functions/services/submitReturns';
import { submitGate } from '@returns-hub/functions/services/submitGate';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { StorageUnavailable } from '@returns-hub/functions/store/storageUnavailable';
import type { Principal } from '@returns-hub/functions/domain/principal';
import { randomReturn, seededRandom } from '../support/randomReturns';
import { BUILT_IN_SOURCE } from '../support/builtIn';

/**
 * What a submission answers when storage fails after part of it is stored, on the in-memory
 * stores (the store contract holds them to the Table ones): never "nothing was stored".
 */
const hq: Principal = { role: 'hq', name: 'test', id: 'test-hq' };
const FORM = 'codi-quarterly-kpi';
const FY = 2567;

test('a lost race then storage failing while naming the lock: the answer still says what is stored', async () => {
  const s = new MemoryStorage();
  const r = seededRandom(19);
  const [q1, q2] = ['Q1', 'Q2'].map((period) => randomReturn(r, FORM, FY, { unit: 0, subject: 0, period }));
  const submit = (returns: (typeof q1)[], key: string) =>
    submitReturns(
      s.returns,
      BUILT_IN_SOURCE,
      hq,
      { fileName: 'f.xlsx', returns },
      key,
      key,
      submitGate(s.reviews, hq, 'test', () => new Date()),
    );
  const first = await submit([q2], 'earlier');
  if (isDomainError(first)) throw new Error(first.en);
  const [q2Key] = first.body.receipts;

  // Q1's group switches; just before Q2's, another writer moves Q2's pointer; then reading its review fails.
  let switches = 0;
  s.fault = (op) => {
    if (op === 'pointers.switch' && ++switches === 2) {
      const p = s.pointer(q2Key)!;
      s.setPointer(q2Key, { ...p, etag: s.etag() });
    }
    if (op === 'reviews.read' && switches >= 2) throw new StorageUnavailable('injected');
  };
  const answer = await submit([q1, q2], 'both');
  s.fault = () => undefined;

  expect(isDomainError(answer)).toBe(true);
  if (!isDomainError(answer)) return;
  expect(answer.code).toBe('return.conflict');
  expect(answer.en).toMatch(/1 other return\(s\) of this request were stored/);
  expect((answer.outcomes ?? []).map((o) => [o.period, o.state])).toEqual([
    ['Q1', 'stored'],
    ['Q2', 'not_stored'],
  ]);
  expect((await s.returns.current([{ ...q2Key, period: 'Q1' }]))[0]?.record.version).toBe(1);
});

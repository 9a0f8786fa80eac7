import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { changedCells, listCells } from './sheetChanges';

describe('what changed since the check', () => {
  const before = gridFromValues('แบบรายงาน 1', [
    ['a', 1],
    ['b', 2],
  ]);

  test('a renamed sheet with the same cells has no change', () => {
    expect(changedCells(before, { ...before, sheet: 'renamed' })).toEqual([]);
  });

  test('edited, emptied and added cells are listed by address', () => {
    const after = gridFromValues('x', [
      ['a', 5],
      ['', 2, 'new'],
    ]);
    expect(changedCells(before, after)).toEqual(['B1', 'A2', 'C2']);
  });

  test('a long list is shortened, in words', () => {
    const cells = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'];
    expect(listCells(cells, 'th')).toBe('A1, A2, A3, A4, A5 และอีก 2 เซลล์');
    expect(listCells(cells.slice(0, 2), 'en')).toBe('A1, A2');
  });
});

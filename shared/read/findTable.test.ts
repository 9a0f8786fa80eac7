import { builtInDocuments } from '@returns-hub/forms';
import { definitionsFromDocuments } from '../definitions/definitions';
import { gridFromValues } from '../sheet/grid';
import { findTable, headerRows } from './findTable';
import { LabelIndex } from './labelIndex';

const welfare = definitionsFromDocuments(builtInDocuments()).forms.find((f) => f.id === 'welfare-fund-tally')!;
const table = welfare.table!;
const index = new LabelIndex(table.columns);

describe('finding a table header', () => {
  test('the header rows are read once per sheet and give what each form finds without them', () => {
    const grid = gridFromValues('W', [['สรุปผลการจัดสวัสดิการ'], [], ['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (คน)', 'เป็นเงิน (บาท)', 'หมายเหตุ', 'จำนวน (คน)'], [1, 'ผู้สูงอายุ', 47, 13400]], ['A1:F1']);
    const rows = headerRows(grid);
    // Merged title: shown in every column it covers; a title over a blank row is no group label.
    expect(rows.texts[0]).toEqual(Array(6).fill('สรุปผลการจัดสวัสดิการ'));
    // The header over the first figures is a two-row candidate too, which names no more columns.
    expect(rows.grouped).toEqual([false, false, true, false]);
    const found = findTable(grid, table, index, rows);
    expect(found).toEqual(findTable(grid, table, index));
    expect(found).toMatchObject({ headerTop: 2, headerRows: 1, dataStart: 3, unknown: [{ col: 4, text: 'หมายเหตุ' }], duplicates: [{ col: 5, id: 'persons' }] });
    expect([...found!.columns]).toEqual([
      ['no', 0],
      ['welfare_type', 1],
      ['persons', 2],
      ['amount', 3],
    ]);
  });

  test('a group label over sub-labels is a two-row header; a title row over a one-row header is not', () => {
    const twoRows = gridFromValues(
      'W',
      [
        ['ลำดับ', 'ประเภทสวัสดิการ', 'ผลการจัดสวัสดิการ', null],
        [null, null, 'จำนวน (คน)', 'เป็นเงิน (บาท)'],
        [1, 'ผู้สูงอายุ', 47, 13400],
      ],
      ['C1:D1', 'A1:A2', 'B1:B2'],
    );
    expect(headerRows(twoRows).grouped).toEqual([true, true, false]);
    expect(findTable(twoRows, table, index)).toMatchObject({ headerTop: 0, headerRows: 2, dataStart: 2, unknown: [] });

    const titled = gridFromValues('W', [
      ['ผลการจัดสวัสดิการ', 'ปี 2564'],
      ['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (คน)'],
      [1, 'ผู้สูงอายุ', 47],
    ]);
    expect(findTable(titled, table, index)).toMatchObject({ headerTop: 1, headerRows: 1, dataStart: 2 });
  });

  test('a header without every required column is none', () => {
    const grid = gridFromValues('W', [
      ['ลำดับ', 'ประเภทสวัสดิการ', 'เป็นเงิน (บาท)'],
      [1, 'ผู้สูงอายุ', 13400],
    ]);
    expect(findTable(grid, table, index)).toBeNull();
  });
});

import type { Grid } from '@returns-hub/shared/sheet/grid';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { BUILT_IN_SOURCE } from '../support/builtIn';
import { sample } from '../support/samples';

/**
 * A form headquarters made for its own agency (`orgUnit.under`) is sent by that agency's units
 * only: a CODI division (kind department, as BMA's departments are) named on BMA's project
 * progress report is refused at its cell, naming both agencies, and so is a BMA department on
 * CODI's internal-control return; each form still takes its own agency's units.
 */
async function sheetOf(path: string): Promise<Grid> {
  const read = await readWorkbookFile(sample(path));
  if (!read.ok) throw new Error(read.issue.message_en);
  return read.grids[0];
}

/** A copy of the grid with one cell's text replaced (row and column 0-based). */
function withText(grid: Grid, row: number, col: number, text: string): Grid {
  const rows = grid.rows.map((r) => (r ? [...r] : r));
  rows[row]![col] = { ...rows[row]![col], value: text };
  return { ...grid, rows };
}

function found(grid: Grid) {
  const [sheet] = checkSheets([grid], BUILT_IN_SOURCE);
  const ret = sheet.returns[0];
  return { orgUnit: ret.orgUnit, units: ret.issues.filter((i) => i.code.startsWith('org_unit.')).map((i) => [i.cell, i.code, i.message_th, i.message_en]) };
}

describe("a form of one agency is sent by that agency's units only (orgUnit.under)", () => {
  test("a CODI division on BMA's project progress report: refused at the unit's cell, in Thai and English, naming both agencies", async () => {
    const sheet = await sheetOf('project-progress/seed000-wang-thonglang-2564.xlsx');
    expect(found(sheet)).toEqual({ orgUnit: '1045', units: [] }); // the district of the sample, as it is
    const codi = withText(withText(sheet, 3, 0, 'รหัสโครงการ... : 99990000-3247'), 9, 0, 'หน่วยงานที่รับผิดชอบ. : ส่วนงานส่วนกลาง 3');
    expect(found(codi)).toEqual({
      orgUnit: null,
      units: [
        [
          "'รายงานความก้าวหน้า'!A10",
          'org_unit.other_agency',
          '"ส่วนงานส่วนกลาง 3" เป็นหน่วยงานของสถาบันพัฒนาองค์กรชุมชน แบบรายงานนี้ส่งได้เฉพาะหน่วยงานของกรุงเทพมหานคร',
          '"ส่วนงานส่วนกลาง 3" is a unit of the Community Organizations Development Institute; only units of the Bangkok Metropolitan Administration send this form',
        ],
      ],
    });
    // A BMA department named the same way is taken.
    const bma = withText(withText(sheet, 3, 0, 'รหัสโครงการ... : 99990000-3247'), 9, 0, 'หน่วยงานที่รับผิดชอบ. : สำนักยุทธศาสตร์และประเมินผล');
    expect(found(bma)).toEqual({ orgUnit: '21000000', units: [] });
  });

  test("a BMA department on CODI's internal-control return: refused the same way; CODI's division taken", async () => {
    const sheet = await sheetOf('internal-control/HQ03-q2-2563.xlsx');
    expect(found(sheet)).toMatchObject({ orgUnit: 'HQ03', units: [] });
    const bma = withText(sheet, 1, 0, 'หน่วยงาน : สำนักยุทธศาสตร์และประเมินผล');
    expect(found(bma).units).toEqual([
      [
        "'ไตรมาส 2'!A2",
        'org_unit.other_agency',
        '"สำนักยุทธศาสตร์และประเมินผล" เป็นหน่วยงานของกรุงเทพมหานคร แบบรายงานนี้ส่งได้เฉพาะหน่วยงานของสถาบันพัฒนาองค์กรชุมชน',
        '"สำนักยุทธศาสตร์และประเมินผล" is a unit of the Bangkok Metropolitan Administration; only units of the Community Organizations Development Institute send this form',
      ],
    ]);
  });
});

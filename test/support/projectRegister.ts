/**
 * A project register as a district keeps it: the record header, then one row per progress
 * report. `spent` fills the money column (by default '0'); the large-sheet tests write the
 * amount in words there, as clerks do, for one finding per row.
 */
export function projectRegister(rows: number, o: { spent?: (i: number) => unknown } = {}): unknown[][] {
  const spent = o.spent ?? (() => '0');
  const out: unknown[][] = [
    ['แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ'],
    ['ชื่อโครงการ/กิจกรรม : ทะเบียนโครงการทดสอบ'],
    ['รหัสโครงการ : 50450000-3247'],
    ['ปีงบประมาณ พ.ศ. : 2564'],
    ['งบประมาณที่ได้รับ : 0 บาท'],
    ['หน่วยงานที่รับผิดชอบ : สำนักงานเขตวังทองหลาง'],
    [],
    ['รายงานครั้งที่', 'วันที่รายงาน', 'ผลการดำเนินงาน/ขั้นตอน', 'ความก้าวหน้าของงานฯ', 'งบประมาณที่เบิกใช้ (บาท)', 'เป็นไปตามแผน', 'เป็นไปตามเป้าหมาย'],
  ];
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2020, 9, 1) + Math.floor((i / rows) * 364) * 86_400_000); // inside FY 2564, in order
    out.push([i + 1, `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`, `ขั้นตอนที่ ${i + 1}`, `${((i / rows) * 100).toFixed(2)} %`, spent(i), 'เป็นไปตามแผน', 'เป็นไปตามเป้าหมาย']);
  }
  return out;
}

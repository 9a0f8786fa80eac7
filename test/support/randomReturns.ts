import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { locateSheet } from '@returns-hub/shared/read/locateSheet';
import type { LocatedReturn } from '@returns-hub/shared/read/locatedReturn';
import { FORMS, UNITS } from './builtIn';

/** A small seeded PRNG (mulberry32): reproducible random returns, never Math.random(). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

const districts = UNITS.all.filter((u) => u.kind === 'district' && u.agencyPrefix);
const regions = UNITS.all.filter((u) => u.kind === 'region');

/** The forms the random sequences cover, and the identities (unit, subject) each draws from. */
export const RANDOM_FORMS = ['bma-community-plan-return', 'bma-project-progress', 'codi-quarterly-kpi', 'welfare-fund-tally'] as const;
export type RandomForm = (typeof RANDOM_FORMS)[number];

/** Which return a step writes: the unit (index into the form's units), a subject index, the period. */
export interface ReturnPick {
  unit: number;
  subject: number;
  period: string;
}

export function randomPick(r: Random, form: RandomForm): ReturnPick {
  return { unit: int(r, 0, 3), subject: int(r, 0, 2), period: form === 'codi-quarterly-kpi' ? pick(r, ['Q1', 'Q2', 'Q3', 'Q4']) : 'FY' };
}

const sheet = (values: unknown[][]): LocatedReturn => {
  const located = locateSheet(gridFromValues('S', values), FORMS).returns;
  if (located.length !== 1) throw new Error('random sheet not located as one return');
  return located[0];
};

/** A return of `form` for the picked identity with random figures that pass every error rule. */
export function randomReturn(r: Random, form: RandomForm, fy: number, p: ReturnPick): LocatedReturn {
  switch (form) {
    case 'bma-community-plan-return': {
      const d = districts[p.unit];
      const existing = int(r, 0, 40);
      const fresh = int(r, 0, 40);
      const received = int(r, 0, 200_000);
      const disbursed = int(r, 0, received);
      const returned = int(r, 0, received - disbursed);
      return sheet([
        [`แบบรายงานผลการดำเนินงาน ปีงบประมาณ พ.ศ. ${fy}`],
        ['สำนักงานเขต', d.name_th],
        ['จำนวนชุมชนทั้งหมดในพื้นที่เขต', existing + fresh],
        ['ชุมชนที่ทบทวนแผนพัฒนาชุมชนเดิม', existing],
        ['ชุมชนที่จัดทำแผนพัฒนาชุมชนใหม่', fresh],
        ['การจัดประชุมชี้แจงแนวทางให้ชุมชน', r() < 0.5 ? 'ใช่' : 'ไม่ใช่'],
        ['วันที่จัดประชุมชี้แจง', `15/01/${fy}`],
        ['งบประมาณที่ได้รับโอน', received],
        ['งบประมาณที่เบิกจ่ายแล้ว', disbursed],
        ['งบประมาณที่ส่งคืน', returned],
        ['งบประมาณคงเหลือ', received - disbursed - returned],
      ]);
    }
    case 'bma-project-progress': {
      const d = districts[p.unit];
      const budget = int(r, 10_000, 500_000);
      const rows: unknown[][] = [];
      let progress = 0;
      let spent = 0;
      const months = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter(() => r() < 0.4);
      for (const [i, m] of months.entries()) {
        progress = Math.min(100, progress + int(r, 0, 40));
        const disbursed = int(r, 0, Math.floor((budget - spent) / 2));
        spent += disbursed;
        const year = m >= 10 ? fy - 1 : fy;
        rows.push([i + 1, `${int(r, 1, 28)}/${String(m).padStart(2, '0')}/${year}`, progress, disbursed, pick(r, ['เป็นไปตามแผน', 'ไม่เป็นไปตามแผน'])]);
      }
      return sheet([
        ['รหัสโครงการ', `${d.agencyPrefix}0000-${String(3000 + p.subject).padStart(4, '0')}`],
        ['ปีงบประมาณ พ.ศ.', fy],
        ['งบประมาณที่ได้รับ', budget],
        ['รายงานครั้งที่', 'วันที่รายงาน', 'ความก้าวหน้าของงานฯ', 'งบประมาณที่เบิกใช้', 'เป็นไปตามแผน'],
        ...rows,
      ]);
    }
    case 'codi-quarterly-kpi': {
      const region = regions[p.unit % regions.length];
      const q = Number(p.period.slice(1));
      const lines = ['2', '3', '5.1', '5.3', '8.5-N', '8.5-D']
        .filter(() => r() < 0.7)
        .map((code) => {
          const t = [0, 0, 0, 0].map(() => int(r, 0, 500));
          return [code, t.reduce((a, b) => a + b, 0), ...t, int(r, 0, 400), null];
        });
      return sheet([
        [`รายงานผลการปฏิบัติงานไตรมาส ${q} ประจำปีงบประมาณ พ.ศ. ${fy}`],
        ['หน่วยงาน', region.code],
        ['รหัส', 'เป้าหมายปี', 'ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4', 'ผลการดำเนินงานไตรมาสนี้', 'ผลสะสม'],
        ...(lines.length ? lines : [['5.1', 100, 25, 25, 25, 25, int(r, 0, 50), null]]),
      ]);
    }
    case 'welfare-fund-tally': {
      const d = districts[p.unit];
      const types = ['ผู้สูงอายุ', 'คนพิการ', 'เด็กแรกเกิด', 'ผู้ป่วย'].filter(() => r() < 0.6);
      return sheet([
        ['กองทุน', `กองทุนสวัสดิการ ${p.subject + 1}`],
        ['สำนักงานเขต', d.name_th],
        ['ปีงบประมาณ', fy],
        ['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (คน)', 'เป็นเงิน (บาท)'],
        ...(types.length ? types : ['ผู้สูงอายุ']).map((t, i) => [i + 1, t, int(r, 0, 300), int(r, 0, 90_000)]),
      ]);
    }
  }
}

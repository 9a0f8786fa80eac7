import type { OrgUnit } from './orgUnit';

/** Community Organizations Development Institute (พอช.) and its five regional offices. */
export const CODI_UNITS: OrgUnit[] = [
  { code: 'CODI', kind: 'hq', name_th: 'สถาบันพัฒนาองค์กรชุมชน', name_en: 'Community Organizations Development Institute', aliases: ['พอช', 'พอช.'] },
  { code: 'N', kind: 'region', name_th: 'ภาคเหนือ', name_en: 'Northern Region', parent: 'CODI', aliases: ['เหนือ', 'North'] },
  { code: 'NE', kind: 'region', name_th: 'ภาคตะวันออกเฉียงเหนือ', name_en: 'Northeastern Region', parent: 'CODI', aliases: ['อีสาน', 'Northeast', 'Isan'] },
  { code: 'S', kind: 'region', name_th: 'ภาคใต้', name_en: 'Southern Region', parent: 'CODI', aliases: ['ใต้', 'South'] },
  { code: 'CW', kind: 'region', name_th: 'ภาคกลางและตะวันตก', name_en: 'Central and Western Region', parent: 'CODI', aliases: ['กลาง/ตะวันตก', 'Central/West'] },
  {
    code: 'BE',
    kind: 'region',
    name_th: 'ภาคกรุงเทพฯ ปริมณฑลและตะวันออก',
    name_en: 'Bangkok, Vicinity and Eastern Region',
    parent: 'CODI',
    aliases: ['กทม./ตะวันออก', 'กรุงเทพฯ/ตะวันออก', 'Bangkok/East'],
  },
];

import type { OrgUnit } from './orgUnit';

/** Bangkok Metropolitan Administration: HQ, its six district zones (กลุ่มเขต), its 50 districts (TIS-1099 codes). */
const ZONES: [string, string, string][] = [
  ['Z-C', 'กลุ่มเขตกรุงเทพกลาง', 'Central Bangkok zone'],
  ['Z-S', 'กลุ่มเขตกรุงเทพใต้', 'South Bangkok zone'],
  ['Z-N', 'กลุ่มเขตกรุงเทพเหนือ', 'North Bangkok zone'],
  ['Z-E', 'กลุ่มเขตกรุงเทพตะวันออก', 'East Bangkok zone'],
  ['Z-TN', 'กลุ่มเขตกรุงธนเหนือ', 'North Krung Thon zone'],
  ['Z-TS', 'กลุ่มเขตกรุงธนใต้', 'South Krung Thon zone'],
];

// code, Thai name, English name, zone
const DISTRICTS: [number, string, string, string][] = [
  [1001, 'พระนคร', 'Phra Nakhon', 'Z-C'], [1002, 'ดุสิต', 'Dusit', 'Z-C'], [1003, 'หนองจอก', 'Nong Chok', 'Z-E'],
  [1004, 'บางรัก', 'Bang Rak', 'Z-S'], [1005, 'บางเขน', 'Bang Khen', 'Z-N'], [1006, 'บางกะปิ', 'Bang Kapi', 'Z-E'],
  [1007, 'ปทุมวัน', 'Pathum Wan', 'Z-S'], [1008, 'ป้อมปราบศัตรูพ่าย', 'Pom Prap Sattru Phai', 'Z-C'],
  [1009, 'พระโขนง', 'Phra Khanong', 'Z-S'], [1010, 'มีนบุรี', 'Min Buri', 'Z-E'], [1011, 'ลาดกระบัง', 'Lat Krabang', 'Z-E'],
  [1012, 'ยานนาวา', 'Yan Nawa', 'Z-S'], [1013, 'สัมพันธวงศ์', 'Samphanthawong', 'Z-C'], [1014, 'พญาไท', 'Phaya Thai', 'Z-C'],
  [1015, 'ธนบุรี', 'Thon Buri', 'Z-TN'], [1016, 'บางกอกใหญ่', 'Bangkok Yai', 'Z-TN'], [1017, 'ห้วยขวาง', 'Huai Khwang', 'Z-C'],
  [1018, 'คลองสาน', 'Khlong San', 'Z-TN'], [1019, 'ตลิ่งชัน', 'Taling Chan', 'Z-TN'], [1020, 'บางกอกน้อย', 'Bangkok Noi', 'Z-TN'],
  [1021, 'บางขุนเทียน', 'Bang Khun Thian', 'Z-TS'], [1022, 'ภาษีเจริญ', 'Phasi Charoen', 'Z-TS'], [1023, 'หนองแขม', 'Nong Khaem', 'Z-TS'],
  [1024, 'ราษฎร์บูรณะ', 'Rat Burana', 'Z-TS'], [1025, 'บางพลัด', 'Bang Phlat', 'Z-TN'], [1026, 'ดินแดง', 'Din Daeng', 'Z-C'],
  [1027, 'บึงกุ่ม', 'Bueng Kum', 'Z-E'], [1028, 'สาทร', 'Sathon', 'Z-S'], [1029, 'บางซื่อ', 'Bang Sue', 'Z-N'],
  [1030, 'จตุจักร', 'Chatuchak', 'Z-N'], [1031, 'บางคอแหลม', 'Bang Kho Laem', 'Z-S'], [1032, 'ประเวศ', 'Prawet', 'Z-S'],
  [1033, 'คลองเตย', 'Khlong Toei', 'Z-S'], [1034, 'สวนหลวง', 'Suan Luang', 'Z-S'], [1035, 'จอมทอง', 'Chom Thong', 'Z-TS'],
  [1036, 'ดอนเมือง', 'Don Mueang', 'Z-N'], [1037, 'ราชเทวี', 'Ratchathewi', 'Z-C'], [1038, 'ลาดพร้าว', 'Lat Phrao', 'Z-N'],
  [1039, 'วัฒนา', 'Watthana', 'Z-S'], [1040, 'บางแค', 'Bang Khae', 'Z-TS'], [1041, 'หลักสี่', 'Lak Si', 'Z-N'],
  [1042, 'สายไหม', 'Sai Mai', 'Z-N'], [1043, 'คันนายาว', 'Khan Na Yao', 'Z-E'], [1044, 'สะพานสูง', 'Saphan Sung', 'Z-E'],
  [1045, 'วังทองหลาง', 'Wang Thonglang', 'Z-C'], [1046, 'คลองสามวา', 'Khlong Sam Wa', 'Z-E'], [1047, 'บางนา', 'Bang Na', 'Z-S'],
  [1048, 'ทวีวัฒนา', 'Thawi Watthana', 'Z-TN'], [1049, 'ทุ่งครุ', 'Thung Khru', 'Z-TS'], [1050, 'บางบอน', 'Bang Bon', 'Z-TS'],
];

export const BMA_UNITS: OrgUnit[] = [
  { code: 'BMA', kind: 'hq', name_th: 'กรุงเทพมหานคร', name_en: 'Bangkok Metropolitan Administration', aliases: ['กทม'] },
  ...ZONES.map(([code, th, en]): OrgUnit => ({ code, kind: 'zone', name_th: th, name_en: en, parent: 'BMA' })),
  ...DISTRICTS.map(([code, th, en, zone]): OrgUnit => ({
    code: String(code),
    kind: 'district',
    name_th: th,
    name_en: en,
    parent: zone,
    agencyPrefix: `50${String(code).slice(2)}`,
  })),
  {
    code: '21000000',
    kind: 'department',
    name_th: 'สำนักยุทธศาสตร์และประเมินผล',
    name_en: 'Strategy and Evaluation Department',
    parent: 'BMA',
    aliases: ['สยป', 'สยป.'],
    agencyPrefix: '2100',
  },
];

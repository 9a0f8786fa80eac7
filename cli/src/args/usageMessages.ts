/** A refusal of the command line, in English and Thai (printed both, exit status 2). */
export interface UsageText {
  en: string;
  th: string;
}

/**
 * Every refusal of a command line and the parameters its wording needs: the wording lives
 * here, once, for every command (the command table, the readers of fiscal years, periods and
 * units, and the connection).
 */
export interface UsageParamMap {
  'command.unknown': { command: string; closest: string };
  'option.unknown': { option: string; command: string; closest: string };
  'option.needs_value': { option: string; command: string };
  'option.takes_no_value': { option: string; command: string };
  'option.missing': { option: string; command: string };
  'option.twice': { option: string; command: string };
  'option.bad_choice': { option: string; value: string; choices: string };
  'option.not_count': { option: string; value: string };
  'option.not_minutes': { option: string; value: string };
  'option.empty': { option: string };
  'option.one_of': { options: string; command: string };
  'positional.unexpected': { value: string; command: string };
  'positional.missing': { what_en: string; what_th: string; command: string };
  'unit.unknown': { text: string; closest_en: string; closest_th: string };
  'connection.no_api': { command: string };
  'connection.no_credentials': { command: string; api: string };
}
export type UsageCode = keyof UsageParamMap;

const WORDING: { [C in UsageCode]: (p: UsageParamMap[C]) => UsageText } = {
  'command.unknown': (p) => ({
    en: `returns has no command "${p.command}"; the closest is "${p.closest}". (returns --help lists them.)`,
    th: `returns ไม่มีคำสั่ง "${p.command}" คำสั่งที่ใกล้เคียงที่สุดคือ "${p.closest}" (ดูคำสั่งทั้งหมดด้วย returns --help)`,
  }),
  'option.unknown': (p) => ({
    en: `returns ${p.command} has no option ${p.option}; the closest is ${p.closest}. Nothing was done.`,
    th: `คำสั่ง returns ${p.command} ไม่มีตัวเลือก ${p.option} ตัวเลือกที่ใกล้เคียงที่สุดคือ ${p.closest} ยังไม่ได้ทำสิ่งใด`,
  }),
  'option.needs_value': (p) => ({
    en: `returns ${p.command}: ${p.option} needs a value (${p.option} VALUE, or ${p.option}=VALUE for a value starting with "-").`,
    th: `คำสั่ง returns ${p.command}: ตัวเลือก ${p.option} ต้องมีค่าตามหลัง (${p.option} ค่า หรือ ${p.option}=ค่า เมื่อค่าขึ้นต้นด้วย "-")`,
  }),
  'option.takes_no_value': (p) => ({
    en: `returns ${p.command}: ${p.option} is a switch and takes no value.`,
    th: `คำสั่ง returns ${p.command}: ตัวเลือก ${p.option} เป็นสวิตช์ ไม่ต้องใส่ค่า`,
  }),
  'option.missing': (p) => ({
    en: `returns ${p.command} needs ${p.option}.`,
    th: `คำสั่ง returns ${p.command} ต้องระบุ ${p.option}`,
  }),
  'option.twice': (p) => ({
    en: `returns ${p.command}: ${p.option} is given more than once; give it once.`,
    th: `คำสั่ง returns ${p.command}: ระบุ ${p.option} มากกว่าหนึ่งครั้ง กรุณาระบุครั้งเดียว`,
  }),
  'option.bad_choice': (p) => ({
    en: `${p.option} "${p.value}" is not one of: ${p.choices}.`,
    th: `${p.option} "${p.value}" ไม่ถูกต้อง ใช้ได้: ${p.choices}`,
  }),
  'option.not_count': (p) => ({
    en: `${p.option} "${p.value}" is not a whole number from 1 up.`,
    th: `${p.option} "${p.value}" ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป`,
  }),
  'option.not_minutes': (p) => ({
    en: `${p.option} "${p.value}" must be a number of minutes, such as 60.`,
    th: `${p.option} "${p.value}" ต้องเป็นจำนวนนาที เช่น 60`,
  }),
  'option.empty': (p) => ({
    en: `${p.option} is empty; give some text.`,
    th: `${p.option} ว่างอยู่ กรุณาใส่ข้อความ`,
  }),
  'option.one_of': (p) => ({
    en: `returns ${p.command} needs ${p.options}.`,
    th: `คำสั่ง returns ${p.command} ต้องระบุ ${p.options.replace(/ or /g, ' หรือ ')}`,
  }),
  'positional.unexpected': (p) => ({
    en: `returns ${p.command} takes no "${p.value}" (options start with --).`,
    th: `คำสั่ง returns ${p.command} ไม่รับ "${p.value}" (ตัวเลือกขึ้นต้นด้วย --)`,
  }),
  'positional.missing': (p) => ({
    en: `returns ${p.command} needs ${p.what_en}.`,
    th: `คำสั่ง returns ${p.command} ต้องระบุ${p.what_th}`,
  }),
  'unit.unknown': (p) => ({
    en: `--unit "${p.text}" is no org unit we know; the closest: ${p.closest_en}.`,
    th: `--unit "${p.text}" ไม่ใช่หน่วยงานที่รู้จัก ที่ใกล้เคียงที่สุด: ${p.closest_th}`,
  }),
  'connection.no_api': (p) => ({
    en: `returns ${p.command} needs the API's address: --api URL, or RETURNS_API_URL.`,
    th: `คำสั่ง returns ${p.command} ต้องระบุที่อยู่ของ API ด้วย --api URL หรือตัวแปร RETURNS_API_URL`,
  }),
  'connection.no_credentials': (p) => ({
    en: `returns ${p.command} needs you signed in to ${p.api}: run "returns login --api ${p.api}", or give a key (--key KEY, or RETURNS_API_KEY).`,
    th: `คำสั่ง returns ${p.command} ต้องลงชื่อเข้าใช้ ${p.api} ก่อน: สั่ง "returns login --api ${p.api}" หรือระบุคีย์ (--key KEY หรือตัวแปร RETURNS_API_KEY)`,
  }),
};

export function usageText<C extends UsageCode>(code: C, params: UsageParamMap[C]): UsageText {
  return WORDING[code](params);
}

/** Both languages, as the CLI prints every refusal: English, then Thai indented below it. */
export function bothLanguages(t: UsageText): string {
  return `${t.en}\n  ${t.th}`;
}

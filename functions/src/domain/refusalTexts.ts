import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import { unitName } from './returnName';

/** A sentence in both languages. */
type Text = { en: string; th: string };
/** The caller's unit (and the one asked for), by code; the units of the return's year name them in Thai. */
type Units = { mine: string; units: OrgUnitTree };
/** A return as a sentence names it. */
type Named = { name: Text };
/** A value against the most that can be stored. */
type Over = { name: string; chars: number; limit: number };

/** A count as the texts write it in both languages: 150,001. */
const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * What the services say when they refuse, in both languages, by what is refused; each takes the
 * values its wording needs (a missing or wrong one does not compile). The services pick the code
 * (domain/domainError.ts); the words are here, once, as shared/issues/messages.ts has the findings':
 * two routes that refuse the same thing say the same words.
 */
export const REFUSAL_TEXTS = {
  // Who may do what.
  submitOtherUnit: (p: Units & { asked: string }): Text => ({
    en: `This key may submit only for org unit ${p.mine}; the return is for ${p.asked}.`,
    th: `บัญชีนี้ส่งแบบรายงานได้เฉพาะของหน่วยงาน ${unitName(p.mine, 'th', p.units)} แต่แบบรายงานนี้เป็นของ ${unitName(p.asked, 'th', p.units)}`,
  }),
  replayOtherUnit: (p: Units & { asked: string }): Text => ({
    en: `This key may submit only for org unit ${p.mine}; the request was for ${p.asked}.`,
    th: `บัญชีนี้ส่งแบบรายงานได้เฉพาะของหน่วยงาน ${unitName(p.mine, 'th', p.units)} แต่คำขอนี้เป็นของ ${unitName(p.asked, 'th', p.units)}`,
  }),
  readOtherUnit: (p: Units): Text => ({ en: `This key may read only org unit ${p.mine}.`, th: `บัญชีนี้อ่านได้เฉพาะข้อมูลของหน่วยงาน ${unitName(p.mine, 'th', p.units)}` }),
  reviewOtherUnit: (p: Units): Text => ({ en: `This key may read only org unit ${p.mine}.`, th: `บัญชีนี้อ่านข้อมูลได้เฉพาะของหน่วยงาน ${unitName(p.mine, 'th', p.units)}` }),
  publishHqOnly: (): Text => ({ en: 'Only headquarters publishes forms and org units.', th: 'เฉพาะส่วนกลางเท่านั้นที่เผยแพร่แบบรายงานและผังหน่วยงานได้' }),
  rebuildHqOnly: (): Text => ({ en: 'Only headquarters may rebuild tallies.', th: 'เฉพาะส่วนกลางเท่านั้นที่สร้างผลสรุปใหม่ได้' }),
  exceptionHqOnly: (p: { unit: Text }): Text => ({
    en: `Only headquarters grants exceptions to a closed period (asked for ${p.unit.en}).`,
    th: `เฉพาะส่วนกลางอนุญาตให้ส่งแบบรายงานหลังปิดรับได้ (คำขอสำหรับ ${p.unit.th})`,
  }),
  zoneSubmits: (p: { unit: string }): Text => ({
    en: `Zone reviewers review returns; they do not submit them. Ask the unit (${p.unit}) to send it.`,
    th: `ผู้ตรวจกลุ่มเขตมีหน้าที่ตรวจแบบรายงาน ไม่ได้เป็นผู้ส่ง กรุณาให้หน่วยงาน (${p.unit}) เป็นผู้ส่ง`,
  }),

  // What is asked for.
  returnNotFound: (): Text => ({ en: 'No such return has been submitted.', th: 'ยังไม่มีการส่งแบบรายงานนี้' }),
  versionNotFound: (p: { version: number | undefined }): Text => ({ en: `Version ${p.version} does not exist.`, th: `ไม่มีฉบับที่ ${p.version}` }),
  historyNotFound: (): Text => ({ en: 'Nothing has been submitted or recorded for this return.', th: 'ยังไม่มีการส่งหรือบันทึกใดๆ สำหรับแบบรายงานนี้' }),
  reviewNotFound: (p: Named): Text => ({ en: `${p.name.en}: nothing has been submitted yet.`, th: `${p.name.th}: ยังไม่มีการส่งแบบรายงานนี้` }),
  badTallyPeriod: (p: { form: string; period: string }): Text => ({ en: `Period ${p.period} does not apply to ${p.form}.`, th: `แบบรายงาน ${p.form} ไม่มีงวด ${p.period}` }),
  badGrouping: (p: { form: string; groupings: string[] }): Text => ({
    en: `${p.form} is grouped by ${p.groupings.join(', ')}.`,
    th: `แบบรายงาน ${p.form} จัดกลุ่มได้ตาม ${p.groupings.join(', ')}`,
  }),
  badExportPeriod: (p: { form: string; quarterly: boolean; period: string }): Text => ({
    en: `${p.form} returns are ${p.quarterly ? 'quarterly (Q1–Q4)' : 'yearly (FY)'}; there are no ${p.period} returns to export.`,
    th: `แบบรายงาน ${p.form} ส่ง${p.quarterly ? 'รายไตรมาส (Q1–Q4)' : 'รายปี (FY)'} ไม่มีรายงานงวด ${p.period} ให้ส่งออก`,
  }),

  // What is sent.
  keyReused: (): Text => ({ en: 'This Idempotency-Key was used for a different request.', th: 'Idempotency-Key นี้เคยใช้กับคำขออื่นแล้ว' }),
  hasErrors: (p: { errors: number }): Text => ({
    en: `The return has ${p.errors} error(s); nothing was stored.`,
    th: `แบบรายงานมีข้อผิดพลาด ${p.errors} รายการ จึงยังไม่ได้บันทึก`,
  }),
  tooManyRows: (p: { rows: number; limit: number }): Text => ({
    en: `This request holds ${grouped(p.rows)} rows; at most ${grouped(p.limit)} can be stored in one request. Nothing was stored: split the sheet, or send its returns in separate requests.`,
    th: `คำขอนี้มี ${grouped(p.rows)} แถว บันทึกได้ไม่เกิน ${grouped(p.limit)} แถวต่อคำขอ ยังไม่ได้บันทึกข้อมูลใด กรุณาแบ่งชีต หรือส่งแบบรายงานแยกเป็นหลายคำขอ`,
  }),
  sentTwice: (p: { name: string }): Text => ({
    en: `The request holds ${p.name} twice; send each return once.`,
    th: `คำขอนี้มีแบบรายงาน ${p.name} ซ้ำสองครั้ง กรุณาส่งครั้งละหนึ่งฉบับ`,
  }),
  subjectTooLong: (p: Over): Text => ({
    en: `The subject of ${p.name} is ${p.chars} characters long; at most ${p.limit} can be stored.`,
    th: `ชื่อเรื่องของแบบรายงาน ${p.name} ยาว ${p.chars} ตัวอักษร เก็บได้ไม่เกิน ${p.limit} ตัวอักษร`,
  }),
  rowTooLarge: (p: Over & { row: number }): Text => ({
    en: `Row ${p.row} of ${p.name} holds ${p.chars} characters; at most ${p.limit} can be stored in one row.`,
    th: `แถวที่ ${p.row} ของแบบรายงาน ${p.name} มีข้อมูล ${p.chars} ตัวอักษร เก็บได้ไม่เกิน ${p.limit} ตัวอักษรต่อแถว`,
  }),
  recordTooLarge: (p: Over): Text => ({
    en: `${p.name} holds ${p.chars} characters of fields and findings; at most ${p.limit} can be stored.`,
    th: `แบบรายงาน ${p.name} มีข้อมูลช่องและผลการตรวจ ${p.chars} ตัวอักษร เก็บได้ไม่เกิน ${p.limit} ตัวอักษร`,
  }),
  contributionTooLarge: (p: Over): Text => ({
    en: `${p.name} makes a tally contribution of ${p.chars} characters; at most ${p.limit} can be stored.`,
    th: `แบบรายงาน ${p.name} มีข้อมูลสำหรับสรุปผล ${p.chars} ตัวอักษร เก็บได้ไม่เกิน ${p.limit} ตัวอักษร`,
  }),
  definitionInvalid: (p: { errors: number }): Text => ({
    en: `The definition has ${p.errors} error(s); nothing was published.`,
    th: `นิยามมีข้อผิดพลาด ${p.errors} รายการ จึงยังไม่ได้เผยแพร่`,
  }),
  definitionMisfit: (p: { fiscalYear: number; errors: number }): Text => ({
    en: `The definition does not fit the other definitions of fiscal year ${p.fiscalYear} (${p.errors} error(s)); nothing was published.`,
    th: `นิยามนี้ไม่เข้ากับนิยามอื่นของปีงบประมาณ ${p.fiscalYear} (${p.errors} รายการ) จึงยังไม่ได้เผยแพร่`,
  }),
  definitionIdMismatch: (p: { id: string; asked: string }): Text => ({
    en: `The definition is "${p.id}", not "${p.asked}" as the address says.`,
    th: `นิยามนี้คือ "${p.id}" ไม่ใช่ "${p.asked}" ตามที่อยู่ที่ส่งมา`,
  }),

  // What happened meanwhile.
  storedMeanwhile: (p: { name: string; stored: number }): Text => ({
    en: `Another submission of ${p.name} was stored at the same time; reload and send again.${p.stored ? ` (${p.stored} other return(s) of this request were stored.)` : ''}`,
    th: `มีการส่งแบบรายงาน ${p.name} พร้อมกันจากที่อื่น กรุณาโหลดใหม่แล้วส่งอีกครั้ง${p.stored ? ` (บันทึกฉบับอื่นของคำขอนี้แล้ว ${p.stored} ฉบับ)` : ''}`,
  }),
  partlyStored: (p: { stored: number; unconfirmed: number; total: number }): Text => ({
    en: `Storage did not answer in time: ${p.stored} of ${p.total} return(s) of this request are stored, ${p.unconfirmed} may be (storage did not confirm), ${p.total - p.stored - p.unconfirmed} are not. Send it again with the same Idempotency-Key: what is stored is kept once and the rest completed.`,
    th: `ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด บันทึกแล้ว ${p.stored} จาก ${p.total} ฉบับ อาจบันทึกแล้วอีก ${p.unconfirmed} ฉบับ (ระบบยังไม่ยืนยัน) และยังไม่ได้บันทึก ${p.total - p.stored - p.unconfirmed} ฉบับ กรุณาส่งใหม่ด้วย Idempotency-Key เดิม ฉบับที่บันทึกแล้วจะไม่ถูกบันทึกซ้ำ และจะบันทึกส่วนที่เหลือให้ครบ`,
  }),
  lockedMany: (p: { locked: number; total: number; names: Text[]; more: number; lock: Text }): Text => ({
    en: `${p.locked} of the ${p.total} returns of this request are locked, so nothing of it was stored: ${p.names.map((n) => n.en).join('; ')}${p.more ? `; and ${p.more} more` : ''}. ${p.lock.en} Send the others without them.`,
    th: `แบบรายงาน ${p.locked} จาก ${p.total} ฉบับของคำขอนี้ถูกล็อก จึงยังไม่ได้บันทึกฉบับใดเลย: ${p.names.map((n) => n.th).join('; ')}${p.more ? ` และอีก ${p.more} ฉบับ` : ''} ${p.lock.th} กรุณาส่งฉบับอื่นใหม่โดยไม่รวมฉบับที่ถูกล็อก`,
  }),
  rebuildConflict: (p: { form: string; fiscalYear: number; tries: number; rewritten: number | null }): Text => ({
    en: `Submissions kept changing ${p.form} ${p.fiscalYear} while its tallies were rebuilt (${p.tries} tries); run it again when they have stopped.${p.rewritten !== null ? ` ${p.rewritten} entities were rewritten.` : ''}`,
    th: `มีการส่งแบบรายงาน ${p.form} ปี ${p.fiscalYear} ระหว่างสร้างผลสรุปใหม่ (${p.tries} ครั้ง) กรุณาสั่งใหม่อีกครั้งเมื่อไม่มีการส่ง`,
  }),
  versionChanged: (p: { reviewing: number; now: number; by: string; at: Text }): Text => ({
    en: `While you were reviewing version ${p.reviewing}, version ${p.now} was submitted by ${p.by} at ${p.at.en}; nothing was changed. Open version ${p.now} and review it.`,
    th: `ระหว่างที่คุณตรวจฉบับที่ ${p.reviewing} มีการส่งฉบับที่ ${p.now} โดย ${p.by} เมื่อ ${p.at.th} คำขอของคุณจึงไม่มีผล กรุณาเปิดฉบับที่ ${p.now} เพื่อตรวจอีกครั้ง`,
  }),
  decidedMeanwhile: (p: { by: Text; version: number; status: Text }): Text => ({
    en: `While you were acting, ${p.by.en} made version ${p.version} "${p.status.en}"; nothing was changed by your request. Reload it and decide again.`,
    th: `ระหว่างที่คุณดำเนินการ ${p.by.th} ได้เปลี่ยนฉบับที่ ${p.version} เป็น "${p.status.th}" แล้ว คำขอของคุณจึงไม่มีผล กรุณาโหลดใหม่แล้วพิจารณาอีกครั้ง`,
  }),
  changedMeanwhile: (): Text => ({
    en: 'The return changed while you were acting; nothing was changed by your request. Reload it and decide again.',
    th: 'แบบรายงานถูกเปลี่ยนระหว่างที่คุณดำเนินการ คำขอของคุณจึงไม่มีผล กรุณาโหลดใหม่แล้วพิจารณาอีกครั้ง',
  }),
} satisfies Record<string, (p: never) => Text>;

/** What a route does, as far as its refusals must say: what a failure left, and how to try again. */
export type RouteKind = 'read' | 'submit' | 'decision' | 'rebuild' | 'publish';

type Text = { en: string; th: string };

/**
 * The answers when storage does not answer, or something fails unexpectedly: each route kind
 * says what is true of it (a read changed nothing; a submission is never stored twice under its
 * Idempotency-Key; a decision may or may not be recorded; a rebuild is safe to run again; a
 * publish may or may not have made a new version, and is never written over one published
 * since), never another route's advice. The HTTP layer answers with them, and the services
 * that know more (a submission that failed before anything moved) say the same words.
 */
export const ROUTE_TEXTS: Record<RouteKind, { unavailable: Text; internal: Text }> = {
  read: {
    unavailable: { en: 'Storage did not answer in time. Try again shortly.', th: 'ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด กรุณาลองใหม่อีกครั้งในอีกสักครู่' },
    internal: { en: 'Something failed on the server. Try again shortly; if it keeps failing, tell your administrator.', th: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้งในอีกสักครู่ หากยังขัดข้องอยู่ กรุณาแจ้งผู้ดูแลระบบ' },
  },
  submit: {
    unavailable: {
      en: 'Storage did not answer in time; nothing of this request was stored. Send it again shortly with the same Idempotency-Key.',
      th: 'ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด ยังไม่ได้บันทึกข้อมูลของคำขอนี้ กรุณาส่งใหม่อีกครั้งด้วย Idempotency-Key เดิม',
    },
    internal: {
      en: 'Something failed on the server. Send it again with the same Idempotency-Key: a submission is never stored twice.',
      th: 'ระบบขัดข้อง กรุณาส่งใหม่ด้วย Idempotency-Key เดิม ข้อมูลจะไม่ถูกบันทึกซ้ำ',
    },
  },
  decision: {
    unavailable: {
      en: 'Storage did not answer in time; the decision may not have been recorded. Reload the return to see where it stands, then act again if needed (with the same Idempotency-Key it is never recorded twice).',
      th: 'ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด การดำเนินการอาจยังไม่ถูกบันทึก กรุณาโหลดแบบรายงานใหม่เพื่อดูสถานะ แล้วดำเนินการอีกครั้งหากจำเป็น (หากใช้ Idempotency-Key เดิมจะไม่ถูกบันทึกซ้ำ)',
    },
    internal: {
      en: 'Something failed on the server; the decision may not have been recorded. Reload the return to see where it stands.',
      th: 'ระบบขัดข้อง การดำเนินการอาจยังไม่ถูกบันทึก กรุณาโหลดแบบรายงานใหม่เพื่อดูสถานะ',
    },
  },
  rebuild: {
    unavailable: {
      en: 'Storage did not answer in time; the rebuild stopped part-way. Run it again: it is safe to repeat, and tallies are recomputed from the returns until it completes.',
      th: 'ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด การสร้างผลสรุปใหม่หยุดกลางคัน กรุณาสั่งใหม่อีกครั้ง ทำซ้ำได้อย่างปลอดภัย และระหว่างนี้ผลสรุปจะคำนวณจากแบบรายงานโดยตรง',
    },
    internal: {
      en: 'Something failed on the server; the rebuild stopped. Run it again; if it keeps failing, tell your administrator.',
      th: 'ระบบขัดข้อง การสร้างผลสรุปใหม่หยุดลง กรุณาสั่งใหม่อีกครั้ง หากยังขัดข้องอยู่ กรุณาแจ้งผู้ดูแลระบบ',
    },
  },
  publish: {
    unavailable: {
      en: 'Storage did not answer in time; the new version may not have been published. Read the definition again to see its latest version, then publish with its ETag: a version is never written over one published since.',
      th: 'ระบบจัดเก็บข้อมูลไม่ตอบสนองในเวลาที่กำหนด ฉบับใหม่อาจยังไม่ถูกเผยแพร่ กรุณาอ่านนิยามใหม่อีกครั้งเพื่อดูฉบับล่าสุด แล้วจึงเผยแพร่ ฉบับที่เผยแพร่แล้วจะไม่ถูกเขียนทับ',
    },
    internal: {
      en: 'Something failed on the server; the new version may not have been published. Read the definition again to see its latest version before publishing again.',
      th: 'ระบบขัดข้อง ฉบับใหม่อาจยังไม่ถูกเผยแพร่ กรุณาอ่านนิยามใหม่อีกครั้งเพื่อดูฉบับล่าสุดก่อนเผยแพร่อีกครั้ง',
    },
  },
};

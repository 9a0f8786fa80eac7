import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { ReviewComment, ReviewDecision, ReviewEvent, ReviewStatus } from '@returns-hub/shared/review/reviewSchemas';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import type { Principal } from '../domain/principal';
import type { ReturnKey } from '../store/keys';
import { reviewError, type ReviewError } from './reviewError';
import type { ReviewState } from './reviewState';
import { unitName } from './returnName';
import { decidedBy } from './decidedBy';
import { AFTER_SUBMIT, LEVEL_OF_ROLE, refusalCode, transition, type RefusalReason, type ReviewLevel } from '@returns-hub/shared/review/reviewWorkflow';

/** A return as a reviewer finds it: its current version and review (none: `submitted`). */
export interface ReviewTarget {
  key: ReturnKey;
  version: number;
  submittedAt: string;
  submittedBy: string;
  state: ReviewState | null;
}

/** Who acts, from which client, when; and the request's key (hashed with its caller) when it sent an Idempotency-Key. */
export interface Actor {
  principal: Principal;
  client: string;
  now: Date;
  /** The org units of the year acted in: whose zone a unit is in, and its name. */
  units: OrgUnitTree;
  requestKey?: string | null;
}

export type ReviewCommand =
  { action: 'accept'; version?: number; note?: string } | { action: 'send_back'; version?: number; reason: string; comments: ReviewComment[] } | { action: 'reopen'; version?: number; reason: string };

export type { ReviewLevel };

export function statusOf(state: ReviewState | null): ReviewStatus {
  return state?.status ?? AFTER_SUBMIT;
}

/** Units do not review: only headquarters and zone reviewers do. */
export function reviewerOnly(p: Principal, units: OrgUnitTree): ReviewError | null {
  if (LEVEL_OF_ROLE[p.role] !== null) return null;
  return reviewError('review.forbidden', {
    en: `Only headquarters and zone reviewers accept, send back or reopen returns; this key is for org unit ${p.orgUnit}.`,
    th: `การตรวจรับ ส่งกลับ หรือเปิดแบบรายงานให้แก้ไขใหม่ ทำได้เฉพาะส่วนกลางและผู้ตรวจระดับกลุ่มเขต บัญชีนี้เป็นของหน่วยงาน ${unitName(p.orgUnit ?? '', 'th', units)}`,
  });
}

/**
 * At which level a principal reviews a unit's returns: HQ everything; a zone reviewer the
 * units of its zone (only where the hierarchy has zones: BMA districts); a unit never.
 */
export function reviewLevel(p: Principal, orgUnit: string, units: OrgUnitTree): ReviewLevel | ReviewError {
  const level = LEVEL_OF_ROLE[p.role];
  if (level === null) return reviewerOnly(p, units)!;
  if (level === 'hq') return level;
  const zone = units.ancestorOfKind(orgUnit, 'zone');
  if (zone && zone.code === p.orgUnit) return 'zone';
  const mine = units.byCode(p.orgUnit ?? '');
  return reviewError('review.forbidden', {
    en: `Zone ${p.orgUnit} reviews the districts of ${mine?.name_en ?? p.orgUnit}; ${unitName(orgUnit, 'en', units)} is ${zone ? `in ${zone.name_en}` : 'in no zone'}.`,
    th: `ผู้ตรวจ ${mine?.name_th ?? p.orgUnit} ตรวจได้เฉพาะเขตในกลุ่มเขตของตน แต่ ${unitName(orgUnit, 'th', units)} ${zone ? `อยู่ใน${zone.name_th}` : 'ไม่อยู่ในกลุ่มเขตใด'}`,
  });
}

/** The text of a refusal the workflow table names, for this return. */
function refusalText(t: ReviewTarget, reason: RefusalReason): { en: string; th: string } {
  const status = statusOf(t.state);
  const by = t.state ? decidedBy(t.state.decision) : { en: t.submittedBy, th: t.submittedBy };
  const v = t.version;
  switch (reason) {
    case 'already_accepted':
      return { en: `Version ${v} was already accepted by ${by.en}.`, th: `ฉบับที่ ${v} ได้รับการตรวจรับแล้วโดย ${by.th}` };
    case 'awaiting_new_version':
      return { en: `Version ${v} was sent back by ${by.en}; it waits for the unit's new version.`, th: `ฉบับที่ ${v} ถูกส่งกลับให้แก้ไขโดย ${by.th} และรอหน่วยงานส่งฉบับใหม่` };
    case 'reopen_first':
      return { en: `Version ${v} was accepted by ${by.en}; reopen it before sending it back.`, th: `ฉบับที่ ${v} ได้รับการตรวจรับแล้วโดย ${by.th} ต้องเปิดให้แก้ไขใหม่ก่อนจึงจะส่งกลับได้` };
    case 'already_sent_back':
      return { en: `Version ${v} was already sent back by ${by.en}.`, th: `ฉบับที่ ${v} ถูกส่งกลับให้แก้ไขแล้วโดย ${by.th}` };
    case 'hq_reopens':
      return { en: `Headquarters accepted version ${v} (${by.en}); only headquarters can reopen it.`, th: `ส่วนกลางตรวจรับฉบับที่ ${v} แล้ว (${by.th}) เฉพาะส่วนกลางเปิดให้แก้ไขใหม่ได้` };
    case 'nothing_to_reopen':
      return {
        en: `Version ${v} is ${STATUS_LABELS[status].en}, not accepted: there is nothing to reopen.`,
        th: `ฉบับที่ ${v} อยู่ในสถานะ "${STATUS_LABELS[status].th}" ยังไม่ได้ตรวจรับ จึงไม่มีอะไรต้องเปิดให้แก้ไขใหม่`,
      };
  }
}

/**
 * The review workflow as a pure decision: what a reviewer's action makes of a return's
 * current version (its next state and the audit entry), or why it is refused.
 */
export function decide(t: ReviewTarget, command: ReviewCommand, actor: Actor): { state: ReviewState; event: ReviewEvent } | ReviewError {
  const level = reviewLevel(actor.principal, t.key.orgUnit, actor.units);
  if (typeof level !== 'string') return level;
  if (command.version !== undefined && command.version !== t.version)
    return reviewError('review.version_changed', {
      en: `You reviewed version ${command.version}, but the current version is ${t.version}, submitted by ${t.submittedBy} at ${bangkokTime(t.submittedAt).en}. Open version ${t.version} and review it.`,
      th: `คุณตรวจฉบับที่ ${command.version} แต่ฉบับปัจจุบันคือฉบับที่ ${t.version} ส่งโดย ${t.submittedBy} เมื่อ ${bangkokTime(t.submittedAt).th} กรุณาเปิดฉบับที่ ${t.version} เพื่อตรวจอีกครั้ง`,
    });
  const from = statusOf(t.state);
  const outcome = transition(from, command.action, level);
  if ('refused' in outcome) return reviewError(refusalCode(outcome.refused), refusalText(t, outcome.refused));
  const to = outcome.to;
  if (to === 'submitted') throw new Error('the review workflow never leads an action back to submitted');
  const decision: ReviewDecision = {
    by: actor.principal.name,
    ...(actor.principal.displayName ? { name: actor.principal.displayName } : {}),
    role: level,
    at: actor.now.toISOString(),
    client: actor.client,
  };
  const reason = command.action === 'accept' ? (command.note ?? null) : command.reason;
  const comments = command.action === 'send_back' ? command.comments : [];
  const seq = (t.state?.seq ?? 0) + 1;
  const event: ReviewEvent = {
    action: command.action,
    ...(command.action === 'accept' ? { level } : {}),
    version: t.version,
    at: decision.at,
    by: decision.by,
    role: level,
    client: actor.client,
    from,
    to,
    ...(reason ? { reason } : {}),
    ...(comments.length ? { comments } : {}),
  };
  // HQ's decision after a zone's acceptance keeps it on record; a reopening clears it (the zone reviews again).
  const zoneAccepted = to === 'zone_accepted' ? decision : to === 'reopened' ? null : (t.state?.zoneAccepted ?? null);
  return { state: { status: to, version: t.version, decision, reason, comments, zoneAccepted, seq, last: event, requestKey: actor.requestKey ?? null }, event };
}

import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { parseFiscalYear } from '@returns-hub/shared/period/fiscalYearNumbers';
import { MAX_DEFINITION_CHARS } from '@returns-hub/shared/definitions/definitionDocument';
import { endpoint, type Deps } from '../http/endpoint';
import { readJson } from '../http/readJson';
import { isProblem, json, problem, type ApiProblem } from '../http/problem';
import { domainError, isDomainError } from '../domain/domainError';
import { publishDefinition } from '../services/publishDefinition';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** A definition's JSON travels in one request: its bound, and a little for the wrapping. */
const MAX_PUBLISH_BYTES = MAX_DEFINITION_CHARS * 4 + 1024;

/** The fiscal year a query names (`fy`), or null for the newest; a problem for a year that is none. */
function yearOf(req: HttpRequest): number | null | ApiProblem {
  const fy = req.query.get('fy');
  if (fy === null) return null;
  const parsed = parseFiscalYear(fy);
  return parsed.ok ? parsed.value : problem('query.invalid', { en: parsed.error.en, th: parsed.error.th });
}

const etagHeader = (etag: string | null | undefined): Record<string, string> => (etag ? { ETag: etag } : {});

/** GET /api/definitions?fy= — the forms and org units in force in a fiscal year (default: the newest), as documents with their versions (0: built in). */
export const definitionsOfYear = (deps: Deps) =>
  endpoint(deps, async (req) => {
    const fy = yearOf(req);
    if (isProblem(fy)) return fy;
    return json(200, (await deps.definitions()).documents(fy));
  });

/** GET /api/definition-versions — every document (built in, or published) and every version published of it: who, when, from which year. */
export const definitionVersions = (deps: Deps) =>
  endpoint(deps, async () => {
    const current = await deps.definitions();
    const newest = current.documents(null).documents;
    const ids = [...new Set([...newest.map((d) => d.id), ...current.published.map((p) => p.id)])];
    return json(200, {
      documents: ids.map((id) => {
        const doc = newest.find((d) => d.id === id)?.doc ?? current.published.find((p) => p.id === id)!.doc;
        return {
          id,
          kind: doc.kind,
          title_th: doc.kind === 'form' ? doc.form.title_th : (doc.units.find((u) => u.parent === undefined)?.name_th ?? id),
          title_en: doc.kind === 'form' ? doc.form.title_en : (doc.units.find((u) => u.parent === undefined)?.name_en ?? id),
          versions: current.published
            .filter((p) => p.id === id)
            .sort((a, b) => a.version - b.version)
            .map((p) => ({ version: p.version, fromFiscalYear: p.fromFiscalYear, publishedAt: p.publishedAt, publishedBy: p.publishedBy })),
        };
      }),
    });
  });

/** GET /api/published-definitions — every version headquarters published (documents included): a client checks any year's returns as the API does. */
export const publishedDefinitions = (deps: Deps) => endpoint(deps, async () => json(200, { published: (await deps.definitions()).published }));

/**
 * GET /api/definitions/{id}?fy= — one document as in force in a fiscal year (default: the
 * newest), with its version; the ETag of its head (the latest version published), which a
 * publish of the next version names in `If-Match`.
 */
export const definitionOf = (deps: Deps) =>
  endpoint(deps, async (req) => {
    const fy = yearOf(req);
    if (isProblem(fy)) return fy;
    const id = req.params.id ?? '';
    const found = (await deps.definitions()).documents(fy).documents.find((d) => d.id === id);
    if (!found) return problem('definition.not_found', { en: `No definition "${id}" in that fiscal year.`, th: 'ไม่มีนิยามตามรหัสที่ระบุในปีงบประมาณนั้น' });
    const head = await (await deps.definitionStore()).head(id);
    return json(200, { ...found, head: head ? { version: head.version, etag: head.etag } : null }, etagHeader(head?.etag));
  });

/**
 * POST /api/definitions/{id}?fy=2564 — publish a definition (its JSON twin) for a fiscal year
 * onwards: headquarters only; `If-Match` the ETag read (or `If-None-Match: *` for a document
 * never published). The server checks it again; 201 with the new version, 412 when someone
 * published since, 428 without a precondition, 422 with the findings at their cells.
 */
export const publish = (deps: Deps) =>
  endpoint(
    deps,
    async (req, principal) => {
      // Refused before the body is read: only headquarters publishes.
      if (principal.role !== 'hq') return domainError('auth.hq_only', REFUSAL_TEXTS.publishHqOnly());
      const fy = yearOf(req);
      if (isProblem(fy)) return fy;
      if (fy === null) return problem('query.invalid', { en: 'Give the fiscal year the definition applies from (fy=2564).', th: 'กรุณาระบุปีงบประมาณที่นิยามเริ่มใช้ (fy=2564)' });
      const ifMatch = req.headers.get('if-match');
      const ifNoneMatch = req.headers.get('if-none-match') === '*';
      if (!ifMatch && !ifNoneMatch)
        return problem('definition.etag_required', {
          en: 'Say which version you publish after: If-Match with the ETag read (GET /api/definitions/{id}), or If-None-Match: * for the first.',
          th: 'กรุณาระบุฉบับที่อ่านไว้ก่อนเผยแพร่ (If-Match ตาม ETag ที่อ่าน หรือ If-None-Match: * สำหรับฉบับแรก)',
        });
      const body = await readJson(req, z.unknown(), MAX_PUBLISH_BYTES);
      if (isProblem(body)) return body;
      const out = await publishDefinition(
        await deps.definitionStore(),
        await deps.definitions(),
        principal,
        { id: req.params.id ?? '', doc: body.value, fromFiscalYear: fy, precondition: ifMatch ? { ifMatch } : { ifNoneMatch: true } },
        new Date(),
      );
      if (isDomainError(out)) return out;
      if ('moved' in out) {
        const by = out.latest ? `${out.latest.publishedBy} (${out.latest.publishedAt})` : '';
        return problem(
          'definition.changed',
          {
            en: out.head
              ? `Version ${out.head.version} was published since you read it${by ? `, by ${by}` : ''}: read it again, then publish.`
              : 'Nothing was published of this definition yet: publish it with If-None-Match: *.',
            th: out.head ? `มีการเผยแพร่ฉบับที่ ${out.head.version} หลังจากที่คุณอ่าน${by ? ` โดย ${by}` : ''} กรุณาอ่านใหม่แล้วเผยแพร่อีกครั้ง` : 'นิยามนี้ยังไม่เคยเผยแพร่ กรุณาเผยแพร่ด้วย If-None-Match: *',
          },
          { headers: etagHeader(out.head?.etag) },
        );
      }
      deps.definitionsPublished();
      const { doc: _doc, ...version } = out.published;
      return json(201, version, etagHeader(out.head.etag));
    },
    'publish',
  );

import { reviewErrorKind, type ReviewError, type ReviewErrorKind } from '../domain/reviewError';
import { problem, type ApiProblem } from './problem';

const STATUS: Record<ReviewErrorKind, [number, string]> = { bad_request: [400, 'Bad Request'], forbidden: [403, 'Forbidden'], not_found: [404, 'Not Found'], conflict: [409, 'Conflict'] };

/** A review refusal as problem details: the kind's status, the code, the English and the Thai text. */
export function reviewProblem(e: ReviewError): ApiProblem {
  const [status, title] = STATUS[reviewErrorKind(e.code)];
  return { ...problem(status, e.code, title, e.en), detail_th: e.th };
}

import type { Lang } from './bilingual';

/** Up to `shown` names, then how many more: `พระนคร, ดุสิต และอีก 4 หน่วยงาน`, `Phra Nakhon, Dusit and 4 more`. */
export function someNames(names: readonly string[], lang: Lang, shown = 8): string {
  const head = names.slice(0, shown).join(', ');
  const more = names.length - shown;
  if (more <= 0) return head;
  return lang === 'th' ? `${head} และอีก ${more} หน่วยงาน` : `${head} and ${more} more`;
}

/** The pane speaks Thai or English, following Office's display language. */
export type Lang = 'th' | 'en';

/** Text the clerk reads, in both languages: messages are values, the pane picks one. */
export interface Bilingual {
  th: string;
  en: string;
}

export function inLang(text: Bilingual, lang: Lang): string {
  return lang === 'th' ? text.th : text.en;
}

export function languageFrom(displayLanguage: string | undefined): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('th') ? 'th' : 'en';
}

/**
 * `60,000`: a count with its thousands grouped, as Thai and English prose both write it.
 * By hand, not `toLocaleString`: a page's first call to it loads the locale's data, a long
 * task in the middle of a check.
 */
export function groupDigits(n: number): string {
  const [whole, frac] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

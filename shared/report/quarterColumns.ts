/** How many quarter columns a layout shows: all four, or up to the tally's quarter (a yearly tally shows four). */
export function quarterCount(through: 'year' | 'period', period: string): number {
  const q = /^Q([1-4])$/.exec(period);
  return through === 'period' && q ? Number(q[1]) : 4;
}

export const quarterHeading = (q: number) => ({ th: `ไตรมาส ${q}`, en: `Q${q}` });

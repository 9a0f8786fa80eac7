/** The fiscal period module: Thai fiscal years (1 Oct – 30 Sep, named by BE year) and their quarters and months. */
export * from './periodError';
export * from './fiscalYear';
export * from './periodCode';
export * from './fiscalCalendar';
export * from './period';
export * from './parsePeriod';
export * from './formatPeriod';
export * from './periodFromText';

import type { Issue, Severity } from './issue';

// Plain code, no zod: the CLI's check path uses these and never loads a schema library.

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function bySeverity(a: Issue, b: Issue): number {
  return ORDER[a.severity] - ORDER[b.severity];
}

import { trace, type Attributes } from '@opentelemetry/api';

/** Something worth knowing later that is not a failure of the request: kept on the current span (exported with Application Insights). */
export function noteEvent(name: string, attributes: Attributes): void {
  trace.getActiveSpan()?.addEvent(name, attributes);
  for (const listen of listeners) listen(name, attributes);
}

const listeners = new Set<(name: string, attributes: Attributes) => void>();

/** Hears every noted event (tests, and the local host's log); returns how to stop. */
export function onEvent(listen: (name: string, attributes: Attributes) => void): () => void {
  listeners.add(listen);
  return () => listeners.delete(listen);
}

/**
 * State a UI renders, and who to tell when it changes: the page's controllers hold theirs in
 * one (React subscribes through `useSubscribed`); every change goes through `set`.
 */
export class StateHolder<S extends object> {
  private listeners = new Set<(s: S) => void>();

  constructor(public state: S) {}

  subscribe(fn: (s: S) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }
}

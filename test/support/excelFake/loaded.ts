import { notLoaded } from './richApiError';

/**
 * What a proxy holds after `load()` and `sync()`: a snapshot taken when the load ran.
 * Reading a property that was not loaded throws as office.js does (PropertyNotLoaded).
 */
export class Loaded<T extends object> {
  private data: Partial<T> = {};

  set<K extends keyof T>(key: K, value: T[K]): void {
    this.data[key] = value;
  }

  /** Several properties at once (a load's whole answer). */
  setAll(values: Partial<T>): void {
    Object.assign(this.data, values);
  }

  get<K extends keyof T>(key: K): T[K] {
    if (!(key in this.data)) throw notLoaded(String(key));
    return this.data[key] as T[K];
  }
}

/** The null-object state office.js sets at sync for `…OrNullObject` results; reading it before throws. */
export class NullState {
  private value: boolean | undefined;

  resolve(isNull: boolean): void {
    this.value = isNull;
  }

  get isNull(): boolean {
    if (this.value === undefined) throw notLoaded('isNullObject');
    return this.value;
  }
}

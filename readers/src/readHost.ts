import type { Inflater } from './inflater';

/** What the host gives a read: how zip entries unpack (fflate unless given), and where progress goes. */
export interface ReadHost {
  inflater?: Inflater;
  /** How far the read has come, 0–1: an .xlsx's sheets and shared strings as they unpack; other formats are read at once. */
  progress?: (fraction: number) => void;
}

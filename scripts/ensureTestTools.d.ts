export interface TestToolsOptions {
  /** apt-get to run (a test passes a stand-in). */
  aptGet?: string;
  /** dpkg-query to ask what is installed. */
  dpkgQuery?: string;
  /** How long in all to wait for another install's lock. */
  lockWaitSeconds?: number;
  /** How often to try again while a lock is held. */
  retryEveryMs?: number;
  findChromium?: () => string | null;
  isRoot?: () => boolean;
  log?: (line: string) => void;
}
/** Installs the Debian packages the tests need that are missing (as root with apt-get); returns those it installed. */
export function ensureTestTools(options?: TestToolsOptions): string[];
export const LOCK_WAIT_SECONDS: number;

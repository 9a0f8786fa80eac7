export function findChromium(env?: NodeJS.ProcessEnv, options?: { headlessShell?: boolean }): string | null;
export const INSTALL_HINT: string;

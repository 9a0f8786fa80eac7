import { FileHost } from './fileHost';
import type { FromFiles, ToFiles } from './fileProtocol';
import { readBytes } from './readBytes';

/**
 * The file worker's entry (bundled as send/fileWorker.js): files are read and checked here,
 * off the page's thread, so the page answers the clerk while a 60,000-row register is read.
 */
const host = new FileHost(readBytes, (m: FromFiles) => self.postMessage(m));

self.onmessage = (e: MessageEvent<ToFiles>) => void host.receive(e.data);

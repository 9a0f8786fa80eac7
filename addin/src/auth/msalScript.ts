import { createNestablePublicClientApplication } from '@azure/msal-browser';
import { MSAL_GLOBAL, type MsalModule } from './loadMsal';

/**
 * MSAL as a script of its own (msal.js, about a quarter of the pane's code): loaded only by a
 * deployment build with Entra settings, after the pane is on screen (see loadMsal.ts).
 */
const msal: MsalModule = { createNestablePublicClientApplication };
Object.assign(window, { [MSAL_GLOBAL]: msal });

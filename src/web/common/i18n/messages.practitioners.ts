// Kept at its old path only for the server's spreadsheet tests, which compare their labels with
// the web's; delete once they import from src/web/modules/practitioners/messages.ts.
export { practitionersZhCN } from '../../modules/practitioners/messages.js';

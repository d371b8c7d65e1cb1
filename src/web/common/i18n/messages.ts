// Kept at its old path only for the server's spreadsheet tests, which compare their labels with
// the web's; delete once they import from src/web/modules/.
import { catalogue } from '../../modules/index.js';

export const zhCN = catalogue['zh-CN'];

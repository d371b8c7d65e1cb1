/**
 * The district this deployment serves (Wujin, Changzhou): the directory's township and village
 * filter and the console overview start here. It belongs in `/api/settings` once the server
 * offers it; until then it is fixed for the Wujin deployment.
 */
export const homeDivisionCode = '320412';

/** The national public legal services hotline, the same number everywhere in China. */
export const legalHotline = '12348';

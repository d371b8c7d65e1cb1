/** The national public legal services hotline, the same number everywhere in China. */
export const legalHotline = '12348';

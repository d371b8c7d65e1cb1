import { sql, type SQL } from 'drizzle-orm';

/** Makes user text match literally inside a LIKE pattern (`%`, `_` and `\` lose their meaning). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** `'a', 'b'` for CHECK constraints built from the contracts' constant arrays (never user input). */
export function quotedList(values: readonly string[]): SQL {
  return sql.raw(values.map((value) => `'${value}'`).join(', '));
}

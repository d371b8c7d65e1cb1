// What people read for a stored value, per language. Zod-free like values.ts: the web apps and the
// server's Excel sheets read the same labels.

/** The label of every value of a closed set, in every language the apps speak. */
export type Labels<Value extends string> = Record<'zh-CN' | 'en-US', Record<Value, string>>;

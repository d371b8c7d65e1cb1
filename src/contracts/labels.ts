// What people read for a stored value, per language. Zod-free like values.ts: the web apps and the
// server's Excel sheets read the same labels.

/** The label of every value of a closed set, in every language the apps speak. */
export type Labels<Value extends string> = Record<'zh-CN' | 'en-US', Record<Value, string>>;

/** A catalogue's entries for a set of labels: `orgType.law_firm` → its label, for every value. */
export function labelEntries<Prefix extends string, Value extends string>(
  prefix: Prefix,
  labels: Record<Value, string>,
): Record<`${Prefix}.${Value}`, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([value, label]) => [`${prefix}.${value}`, label]),
  ) as Record<`${Prefix}.${Value}`, string>;
}

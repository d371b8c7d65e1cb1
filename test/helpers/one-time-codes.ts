import { eq } from 'drizzle-orm';
import { notificationOutbox } from '../../src/server/platform/notify/notify.tables.js';
import type { TestContext } from './app.js';

/** The latest one-time code sent to `phone`, as the SMS carries it, read back from the outbox. */
export async function codeSentTo(context: TestContext, phone: string): Promise<string> {
  const outbox = await context.services.notifications.listOutbox({
    limit: 50,
    offset: 0,
    template: 'citizen.one_time_code',
  });
  const entry = outbox.items.find(
    (item) => item.recipientLabel === `${phone.slice(0, 3)}****${phone.slice(-4)}`,
  );
  if (!entry) throw new Error('no one-time code was sent to that phone');
  const [row] = await context.database.db
    .select()
    .from(notificationOutbox)
    .where(eq(notificationOutbox.id, entry.id));
  return (JSON.parse(context.services.cipher.decrypt(row!.paramsCipher)) as { code: string }).code;
}

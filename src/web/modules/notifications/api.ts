import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Page } from '../../../contracts/common.js';
import type {
  Delivery,
  InboxMessage,
  NotificationChannel,
  NotificationStatus,
  NotificationTemplateName,
  OutboxEntry,
} from '../../../contracts/notifications.js';
import { apiGet, apiPost } from '../../kit/api.js';
import type { Paging } from '../../kit/api.js';

export interface OutboxFilter extends Paging {
  status?: NotificationStatus;
  channel?: NotificationChannel;
  template?: NotificationTemplateName;
}

const pageSize = 20;

export const inboxKeys = {
  all: ['inbox'] as const,
  list: ['inbox', 'list'] as const,
  unread: ['inbox', 'unread-count'] as const,
};

export const inboxApi = {
  list: (filter: { limit: number; offset: number }, signal?: AbortSignal) =>
    apiGet<Page<InboxMessage>>('/api/inbox', { ...filter }, signal),
  unreadCount: (signal?: AbortSignal) =>
    apiGet<{ unread: number }>('/api/inbox/unread-count', {}, signal),
  markRead: (messageId: string) =>
    apiPost<void>(`/api/inbox/${encodeURIComponent(messageId)}/read`),
};

/** The signed-in user's messages, newest first, a page at a time. */
export function useInbox(enabled = true) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list,
    queryFn: ({ pageParam, signal }) =>
      inboxApi.list({ limit: pageSize, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) =>
      last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined,
    enabled,
  });
}

/** Unread messages, asked again every minute while the page is open. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: inboxKeys.unread,
    queryFn: ({ signal }) => inboxApi.unreadCount(signal),
    select: (answer) => answer.unread,
    refetchInterval: 60_000,
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: InboxMessage) => inboxApi.markRead(message.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export const outboxApi = {
  listOutbox: (filter: OutboxFilter, signal?: AbortSignal) =>
    apiGet<Page<OutboxEntry>>('/api/outbox', { ...filter }, signal),
  listDeliveries: (outboxId: string, signal?: AbortSignal) =>
    apiGet<Delivery[]>(`/api/outbox/${encodeURIComponent(outboxId)}/deliveries`, {}, signal),
};

export const outboxKeys = {
  outbox: (filter: OutboxFilter) => ['outbox', 'list', filter] as const,
  deliveries: (outboxId: string) => ['outbox', 'deliveries', outboxId] as const,
};

export function useOutbox(filter: OutboxFilter) {
  return useQuery({
    queryKey: outboxKeys.outbox(filter),
    queryFn: ({ signal }) => outboxApi.listOutbox(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeliveries(outboxId: string) {
  return useQuery({
    queryKey: outboxKeys.deliveries(outboxId),
    queryFn: ({ signal }) => outboxApi.listDeliveries(outboxId, signal),
  });
}

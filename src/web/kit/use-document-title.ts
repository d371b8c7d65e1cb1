import { useEffect } from 'react';

export function useDocumentTitle(...parts: Array<string | undefined>): void {
  const title = parts.filter(Boolean).join(' - ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

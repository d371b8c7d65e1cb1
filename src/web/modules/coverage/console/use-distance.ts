import { useCallback } from 'react';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';

/** A distance as the coverage view writes it, or "none" where no workstation is reachable. */
export function useDistance() {
  const { t, formatNumber } = useI18n();
  return useCallback(
    (km: number | null) =>
      km === null ? t('coverage.none') : t('coverage.distance', { value: formatNumber(km) }),
    [t, formatNumber],
  );
}

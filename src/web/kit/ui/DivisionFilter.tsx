import { Select, Tag } from 'antd';
import { useSettings } from '../settings.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useAllChildren, useDivision } from '../queries.js';

// GB/T 2260 codes nest: a village's 12 digits start with its township's 9.
const townshipCodeLength = 9;

function toOptions(divisions: Array<{ code: string; name: string }> | undefined) {
  return divisions?.map((division) => ({ value: division.code, label: division.name }));
}

/**
 * Picks a township, then one of its villages, within the home district. A division from
 * elsewhere (reached through "browse by area") is shown as a removable tag instead.
 */
export function DivisionFilter({
  value,
  onChange,
  townshipPlaceholder,
  villagePlaceholder,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  townshipPlaceholder?: string;
  villagePlaceholder?: string;
}) {
  const { t } = useI18n();
  const { homeDivisionCode } = useSettings();
  const withinHome =
    value === undefined ||
    (value.startsWith(homeDivisionCode) && value.length > homeDivisionCode.length);
  const townshipCode = value && withinHome ? value.slice(0, townshipCodeLength) : undefined;
  const villageCode = value && withinHome && value.length > townshipCodeLength ? value : undefined;

  const home = useDivision(homeDivisionCode);
  const townships = useAllChildren(homeDivisionCode);
  const villages = useAllChildren(townshipCode ?? null, Boolean(townshipCode));
  const outside = useDivision(withinHome ? undefined : value);

  if (!withinHome) {
    return (
      <div className="division-filter">
        <Tag closable className="division-tag" onClose={() => onChange(undefined)}>
          {t('portal.directory.area', { name: outside.data?.name ?? value ?? '' })}
        </Tag>
      </div>
    );
  }

  return (
    <div className="division-filter">
      {home.data && (
        <span className="division-filter-caption">
          {t('portal.directory.areaOf', { name: home.data.name })}
        </span>
      )}
      <div className="division-filter-selects">
        <Select
          size="large"
          allowClear
          aria-label={t('divisionLevel.township')}
          placeholder={townshipPlaceholder ?? t('portal.directory.allTownships')}
          loading={townships.isLoading}
          options={toOptions(townships.data)}
          value={townshipCode}
          onChange={(code?: string) => onChange(code)}
        />
        <Select
          size="large"
          allowClear
          aria-label={t('divisionLevel.village')}
          placeholder={villagePlaceholder ?? t('portal.directory.allVillages')}
          disabled={!townshipCode}
          loading={villages.isLoading}
          options={toOptions(villages.data)}
          value={villageCode}
          onChange={(code?: string) => onChange(code ?? townshipCode)}
        />
      </div>
    </div>
  );
}

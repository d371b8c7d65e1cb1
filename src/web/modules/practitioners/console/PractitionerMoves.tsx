import { Skeleton, Timeline, Typography } from 'antd';
import type { PractitionerMove } from '../../../../contracts/practitioners.js';
import { ErrorState } from '../../../kit/ui/ErrorState.js';
import { useI18n } from '../../../kit/i18n/I18nProvider.js';
import { usePractitionerMoves } from '../api.js';

function MoveEntry({ move }: { move: PractitionerMove }) {
  const { t } = useI18n();
  return (
    <div className="practitioner-move">
      <strong>
        {move.fromOrganizationName
          ? t('console.practitioners.history.moved', {
              from: move.fromOrganizationName,
              to: move.toOrganizationName,
            })
          : t('console.practitioners.history.joined', { organization: move.toOrganizationName })}
      </strong>
      {move.note && <span>{move.note}</span>}
      {move.recordedByName && (
        <Typography.Text type="secondary">
          {t('console.practitioners.history.recordedBy', { name: move.recordedByName })}
        </Typography.Text>
      )}
    </div>
  );
}

/** The practitioner's moves between organizations, newest first; the first joining at the end. */
export function PractitionerMoves({ practitionerId }: { practitionerId: string }) {
  const { t } = useI18n();
  const moves = usePractitionerMoves(practitionerId);
  if (moves.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (moves.isError) {
    return <ErrorState error={moves.error} onRetry={() => void moves.refetch()} />;
  }
  if (moves.data.length === 0) {
    return (
      <Typography.Text type="secondary">{t('console.practitioners.history.empty')}</Typography.Text>
    );
  }
  return (
    <Timeline
      aria-label={t('console.practitioners.history')}
      items={moves.data.map((move, index) => ({
        key: move.id,
        color: index === 0 ? 'blue' : 'gray',
        title: <time dateTime={move.movedOn}>{move.movedOn}</time>,
        content: <MoveEntry move={move} />,
      }))}
    />
  );
}

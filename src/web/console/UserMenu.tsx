import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { signOut, useMe } from '../kit/auth/session.js';
import { errorMessage } from '../kit/ui/ErrorState.js';
import { useI18n } from '../kit/i18n/I18nProvider.js';
import { passwordPath, totpPath } from './paths.js';

/** The signed-in user's name and organization, with their own security settings and sign-out. */
export function UserMenu() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!me.data) return null;
  const { displayName, organizationName, roles } = me.data;

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div className="user-menu-who">
          <strong>{displayName}</strong>
          {organizationName && <span>{organizationName}</span>}
          {roles.length > 0 && <span>{roles.map((role) => role.name).join('、')}</span>}
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('auth.password.title') },
    { key: 'totp', icon: <SafetyOutlined />, label: t('auth.enrol.title') },
    { type: 'divider' },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('auth.signOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate(passwordPath);
    if (key === 'totp') void navigate(totpPath);
    if (key === 'signOut') {
      // The session guard takes the signed-out user to the sign-in page.
      signOut(queryClient).catch((error: unknown) => void message.error(errorMessage(error, t)));
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <button type="button" className="user-menu-trigger" aria-label={t('auth.userMenu')}>
        <Avatar size={32} className="user-avatar">
          {displayName.slice(0, 1)}
        </Avatar>
        <span className="user-menu-text">
          <span className="user-menu-name">{displayName}</span>
          {organizationName && <span className="user-menu-org">{organizationName}</span>}
        </span>
        <DownOutlined className="user-menu-caret" />
      </button>
    </Dropdown>
  );
}

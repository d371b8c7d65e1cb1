import type { AdminKind, Permission } from '../../../contracts/permissions.js';

export interface BuiltinRole {
  code: string;
  name: string;
  description: string;
  permissions: Permission[];
  adminKind: AdminKind | null;
  requiresTotp: boolean;
}

/**
 * The roles every deployment starts with. The three administrators of MLPS level 3 are separate:
 * the system administrator runs the platform, the security administrator grants roles and watches
 * sessions, the audit administrator alone reads the audit log. Each signs in with two factors
 * (MLPS level 3), so each enrols a TOTP authenticator at first sign-in.
 */
export const builtinRoles: BuiltinRole[] = [
  {
    code: 'system_admin',
    name: '系统管理员',
    description: '管理账号、机构和行政区划',
    permissions: [
      'accounts.read',
      'accounts.manage',
      'organizations.manage',
      'practitioners.read',
      'practitioners.manage',
      'volunteers.read',
      'volunteers.manage',
      'coverage.read',
      'divisions.manage',
      'outbox.read',
    ],
    adminKind: 'system_admin',
    requiresTotp: true,
  },
  {
    code: 'security_admin',
    name: '安全管理员',
    description: '管理角色与权限，查看和结束会话',
    permissions: ['roles.manage', 'accounts.read', 'sessions.read', 'sessions.manage'],
    adminKind: 'security_admin',
    requiresTotp: true,
  },
  {
    code: 'audit_admin',
    name: '审计管理员',
    description: '查询和导出审计日志',
    permissions: ['audit.read', 'audit.export'],
    adminKind: 'audit_admin',
    requiresTotp: true,
  },
  {
    code: 'bureau_staff',
    name: '司法局工作人员',
    description: '维护本辖区机构、从业人员和志愿者信息，查看覆盖情况、账号、会话和通知',
    permissions: [
      'organizations.manage',
      'practitioners.read',
      'practitioners.manage',
      'volunteers.read',
      'volunteers.manage',
      'coverage.read',
      'accounts.read',
      'sessions.read',
      'outbox.read',
    ],
    adminKind: null,
    requiresTotp: false,
  },
  {
    code: 'personal_data_officer',
    name: '个人信息查看人员',
    description: '因办理业务需要查看完整的身份证号、手机号等个人信息（每次查看均记录审计）',
    permissions: ['personal_data.unmask'],
    adminKind: null,
    requiresTotp: false,
  },
];

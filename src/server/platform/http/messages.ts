import type { Locale } from '../../../contracts/errors.js';

import { coverageMessages } from './messages.coverage.js';
import { organizationMessages } from './messages.organizations.js';
import { practitionerMessages } from './messages.practitioners.js';
import { spreadsheetMessages } from './messages.spreadsheets.js';
import { volunteerMessages } from './messages.volunteers.js';

type Catalogue = Record<string, string>;
export type Catalogues = Record<Locale, Catalogue>;

const baseZhCN: Catalogue = {
  'error.validation_failed': '提交的内容有误，请检查标出的字段',
  'error.unauthenticated': '请先登录',
  'error.forbidden': '没有权限执行此操作',
  'error.csrf': '请求缺少有效的安全令牌，请刷新页面后重试',
  'error.restricted': '请先修改密码或绑定动态口令后再继续',
  'error.invalid_credentials': '用户名或密码错误',
  'error.invalid_code': '验证码错误或已过期',
  'error.totp_invalid': '动态口令不正确',
  'error.totp_not_pending': '没有待验证的登录，请重新登录',
  'error.phone_taken': '该手机号已注册',
  'error.admin_separation': '系统管理员、安全管理员、审计管理员三种角色不能由同一账号兼任',
  'error.builtin_role': '内置角色不能修改名称或管理员类型',
  'error.unmask_forbidden': '没有查看完整个人信息的权限',
  'entity.account': '账号',
  'entity.role': '角色',
  'entity.session': '会话',
  'entity.inbox_message': '消息',
  'entity.notification': '通知',
  'password.too_short': '密码至少 {min} 个字符',
  'password.too_long': '密码最多 {max} 个字符',
  'password.common': '密码过于常见，请换一个',
  'password.context': '密码不能包含用户名、手机号、姓名或“司法局”等易猜词',
  'password.complexity': '密码须包含大写字母、小写字母、数字和符号中的至少三类',
  'password.reused': '新密码不能与当前密码相同',
  'password.wrong_current': '当前密码不正确',
  'account.username.format': '只能包含字母、数字、点、下划线和连字符',
  'account.username.taken': '用户名已被使用',
  'totp.code.format': '应为 6 位数字',
  'one_time_code.format': '应为 6 位数字',
  'role.code.format': '应以小写字母开头，只含小写字母、数字和下划线（3–40 位）',
  'role.code.taken': '角色代码已被使用',
  'role.unknown': '角色不存在',
  'organization.unknown': '机构不存在',
  'error.invalid_json': '请求体不是有效的 JSON',
  'error.unsupported_media_type': '不支持的内容类型：{type}',
  'error.not_found': '未找到{entity}（{id}）',
  'error.route_not_found': '接口不存在：{method} {url}',
  'error.conflict': '操作与现有数据冲突',
  'error.stale_version': '{entity}已被他人修改（您看到的是第 {version} 版），请刷新后重试',
  'error.payload_too_large': '请求体过大（上限 {limit} 字节）',
  'error.rate_limited': '请求过于频繁，请稍后再试',
  'error.unavailable': '服务正在停止或暂不可用，请稍后再试',
  'error.internal': '服务器内部错误，请稍后再试',
  'entity.division': '行政区划',
  'entity.organization': '机构',
  'field.required': '必填',
  'field.type': '应为{type}',
  'field.too_short': '至少 {min} 个字符',
  'field.too_long': '最多 {max} 个字符',
  'field.too_small': '不能小于 {min}',
  'field.too_big': '不能大于 {max}',
  'field.too_few': '至少 {min} 项',
  'field.too_many': '最多 {max} 项',
  'field.format': '格式不正确',
  'field.format.uuid': '应为 UUID',
  'field.format.date': '应为日期（YYYY-MM-DD）',
  'field.format.datetime': '应为日期时间（ISO 8601）',
  'field.format.email': '应为电子邮箱地址',
  'field.one_of': '应为以下之一：{values}',
  'field.unknown': '不允许的字段',
  'field.invalid': '无效',
  'field.integer': '应为整数',
  'type.string': '文本',
  'type.number': '数字',
  'type.boolean': '布尔值',
  'type.object': '对象',
  'type.array': '数组',
  'division.code.format': '应为 2、4、6、9 或 12 位数字的行政区划代码',
  'division.parent.unknown': '上级行政区划不存在',
  'organization.coordinates.pair': '经度和纬度须同时填写',
  'opening_hours.interval': '时段应为 HH:MM-HH:MM，且开始早于结束',
  'resident_id.format': '应为 18 位居民身份证号码',
  'resident_id.region': '身份证号码的地区码不存在',
  'resident_id.birth_date': '身份证号码中的出生日期无效',
  'resident_id.check_digit': '身份证号码校验位不正确',
  'phone.format': '应为 11 位手机号码',
  'nearest.point.pair': '经度和纬度须同时提供',
  'division.out_of_scope': '只能选择本辖区内的行政区划',
  'nearest.origin.required': '请提供位置（经纬度）或选择村（社区）、镇（街道）',
  'nearest.division.unlocated': '该行政区划暂无位置信息',
};

const baseEnUS: Catalogue = {
  'error.validation_failed': 'The request has invalid fields; see the fields listed',
  'error.unauthenticated': 'Please sign in first',
  'error.forbidden': 'You do not have permission to do this',
  'error.csrf': 'The request lacks a valid security token; reload the page and try again',
  'error.restricted': 'Change your password or set up your authenticator first',
  'error.invalid_credentials': 'Wrong username or password',
  'error.invalid_code': 'The code is wrong or has expired',
  'error.totp_invalid': 'The authenticator code is not correct',
  'error.totp_not_pending': 'No sign-in is waiting for a code; sign in again',
  'error.phone_taken': 'This mobile number is already registered',
  'error.admin_separation':
    'The system, security and audit administrator roles cannot be held by one account',
  'error.builtin_role': 'A built-in role cannot be renamed or change its administrator kind',
  'error.unmask_forbidden': 'You may not see personal data in full',
  'entity.account': 'Account',
  'entity.role': 'Role',
  'entity.session': 'Session',
  'entity.inbox_message': 'Message',
  'entity.notification': 'Notification',
  'password.too_short': 'must be at least {min} characters',
  'password.too_long': 'must be at most {max} characters',
  'password.common': 'is too common; choose another',
  'password.context': 'must not contain your username, phone, name or words like 司法局',
  'password.complexity': 'must mix at least three of: upper case, lower case, digits, symbols',
  'password.reused': 'must differ from the current password',
  'password.wrong_current': 'the current password is not correct',
  'account.username.format': 'may contain only letters, digits, dots, underscores and hyphens',
  'account.username.taken': 'this username is taken',
  'totp.code.format': 'must be 6 digits',
  'one_time_code.format': 'must be 6 digits',
  'role.code.format': 'must start with a lower-case letter and hold only a-z, 0-9 and _ (3–40)',
  'role.code.taken': 'this role code is taken',
  'role.unknown': 'no such role',
  'organization.unknown': 'no such organization',
  'error.invalid_json': 'The request body is not valid JSON',
  'error.unsupported_media_type': 'Unsupported content type: {type}',
  'error.not_found': '{entity} not found ({id})',
  'error.route_not_found': 'No such endpoint: {method} {url}',
  'error.conflict': 'The operation conflicts with existing data',
  'error.stale_version':
    'The {entity} was changed by someone else (you saw version {version}); reload and try again',
  'error.payload_too_large': 'The request body is too large (limit {limit} bytes)',
  'error.rate_limited': 'Too many requests; try again later',
  'error.unavailable': 'The service is shutting down or unavailable; try again later',
  'error.internal': 'Internal server error; try again later',
  'entity.division': 'Division',
  'entity.organization': 'Organization',
  'field.required': 'is required',
  'field.type': 'must be a {type}',
  'field.too_short': 'must be at least {min} characters',
  'field.too_long': 'must be at most {max} characters',
  'field.too_small': 'must be at least {min}',
  'field.too_big': 'must be at most {max}',
  'field.too_few': 'must have at least {min} items',
  'field.too_many': 'must have at most {max} items',
  'field.format': 'has an invalid format',
  'field.format.uuid': 'must be a UUID',
  'field.format.date': 'must be a date (YYYY-MM-DD)',
  'field.format.datetime': 'must be a date-time (ISO 8601)',
  'field.format.email': 'must be an email address',
  'field.one_of': 'must be one of: {values}',
  'field.unknown': 'is not an allowed field',
  'field.invalid': 'is invalid',
  'field.integer': 'must be an integer',
  'type.string': 'text',
  'type.number': 'number',
  'type.boolean': 'boolean',
  'type.object': 'object',
  'type.array': 'list',
  'division.code.format': 'must be a division code of 2, 4, 6, 9 or 12 digits',
  'division.parent.unknown': 'the parent division does not exist',
  'organization.coordinates.pair': 'latitude and longitude must be given together',
  'opening_hours.interval': 'each interval must be HH:MM-HH:MM with start before end',
  'resident_id.format': 'must be an 18-character resident ID number',
  'resident_id.region': 'the region code of the ID number does not exist',
  'resident_id.birth_date': 'the birth date in the ID number is not valid',
  'resident_id.check_digit': 'the check digit of the ID number is wrong',
  'phone.format': 'must be an 11-digit mobile number',
  'nearest.point.pair': 'latitude and longitude must be given together',
  'division.out_of_scope': 'must be a division within your jurisdiction',
  'nearest.origin.required':
    'give a location (latitude and longitude) or choose a village or township',
  'nearest.division.unlocated': 'this division has no recorded location yet',
};

/** Each directory domain keeps its messages in its own `messages.<domain>.ts`, merged here. */
const domainCatalogues = [
  organizationMessages,
  practitionerMessages,
  volunteerMessages,
  spreadsheetMessages,
  coverageMessages,
];

const catalogues: Catalogues = {
  'zh-CN': Object.assign({}, baseZhCN, ...domainCatalogues.map((domain) => domain['zh-CN'])),
  'en-US': Object.assign({}, baseEnUS, ...domainCatalogues.map((domain) => domain['en-US'])),
};

export function hasMessage(key: string): boolean {
  return key in catalogues['zh-CN'];
}

/** Looks a message up and fills `{name}` placeholders; params that are message keys are translated too. */
export function translate(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const catalogue = catalogues[locale];
  const template = catalogue[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    const asKey = `entity.${value}`;
    return catalogue[asKey] ?? String(value);
  });
}

export function messageKeys(locale: Locale): string[] {
  return Object.keys(catalogues[locale]);
}

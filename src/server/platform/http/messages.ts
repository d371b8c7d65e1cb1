import type { Locale } from '../../../contracts/errors.js';

import { spreadsheetMessages } from './messages.spreadsheets.js';

type Catalogue = Record<string, string>;
export type Catalogues = Record<Locale, Catalogue>;

const baseZhCN: Catalogue = {
  'error.validation_failed': '提交的内容有误，请检查标出的字段',
  'error.unauthenticated': '请先登录',
  'error.forbidden': '没有权限执行此操作',
  'error.csrf': '请求缺少有效的安全令牌，请刷新页面后重试',
  'error.restricted': '请先修改密码或绑定动态口令后再继续',
  'error.unmask_forbidden': '没有查看完整个人信息的权限',
  'entity.inbox_message': '消息',
  'entity.notification': '通知',
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
  'resident_id.format': '应为 18 位居民身份证号码',
  'resident_id.region': '身份证号码的地区码不存在',
  'resident_id.birth_date': '身份证号码中的出生日期无效',
  'resident_id.check_digit': '身份证号码校验位不正确',
  'phone.format': '应为 11 位手机号码',
};

const baseEnUS: Catalogue = {
  'error.validation_failed': 'The request has invalid fields; see the fields listed',
  'error.unauthenticated': 'Please sign in first',
  'error.forbidden': 'You do not have permission to do this',
  'error.csrf': 'The request lacks a valid security token; reload the page and try again',
  'error.restricted': 'Change your password or set up your authenticator first',
  'error.unmask_forbidden': 'You may not see personal data in full',
  'entity.inbox_message': 'Message',
  'entity.notification': 'Notification',
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
  'resident_id.format': 'must be an 18-character resident ID number',
  'resident_id.region': 'the region code of the ID number does not exist',
  'resident_id.birth_date': 'the birth date in the ID number is not valid',
  'resident_id.check_digit': 'the check digit of the ID number is wrong',
  'phone.format': 'must be an 11-digit mobile number',
};

// The platform's own messages; each module registers its catalogue (its manifest's `messages`)
// through the module list, so the platform never names a domain.
const catalogues: Catalogues = {
  'zh-CN': { ...baseZhCN, ...spreadsheetMessages['zh-CN'] },
  'en-US': { ...baseEnUS, ...spreadsheetMessages['en-US'] },
};

/** Adds a module's messages; a key already taken by another catalogue is a programming error. */
export function registerCatalogue(catalogue: Catalogues): void {
  for (const locale of Object.keys(catalogues) as Locale[]) {
    for (const [key, text] of Object.entries(catalogue[locale])) {
      const existing = catalogues[locale][key];
      if (existing !== undefined && existing !== text) {
        throw new Error(`message ${key} (${locale}) is defined twice with different texts`);
      }
      catalogues[locale][key] = text;
    }
  }
}

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

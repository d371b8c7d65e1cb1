import type { Locale } from '../../../contracts/errors.js';
import {
  notificationTemplateNames,
  type NotificationTemplateName,
} from '../../../contracts/notifications.js';

export type TemplateName = NotificationTemplateName;
export type TemplateParams = Record<string, string>;

export interface TemplateText {
  title: string;
  body: string;
}

export interface RenderedMessage extends TemplateText {
  /** How WeCom shows it: `markdown` bodies are sent as msgtype markdown, the rest as text. */
  format: 'text' | 'markdown';
}

type Catalogue = Record<TemplateName, TemplateText>;

// The SMS bodies carry the 【法润】 signature because Chinese carriers require a signature on
// every message; a provider that adds its own can strip it in its adapter.
const zhCN: Catalogue = {
  'citizen.one_time_code': {
    title: '验证码',
    body: '【法润】验证码 {code}，{minutes} 分钟内有效，请勿告诉他人。',
  },
  'staff.account_created': {
    title: '账号已开通',
    body: '{name}，您好：您的法润工作账号 {username} 已开通，请在 {expiresAt} 前登录并修改初始密码。',
  },
  'staff.password_changed': {
    title: '密码已修改',
    body: '{name}，您好：您的账号 {username} 的密码已于 {changedAt} 修改。如非本人操作，请立即联系管理员。',
  },
  'staff.account_locked': {
    title: '账号已锁定',
    body: '{name}，您好：您的账号 {username} 因多次登录失败已被锁定，将于 {unlockAt} 自动解锁。如非本人操作，请联系管理员。',
  },
  'broadcast.risk_alert': {
    title: '法律风险预警：{title}',
    body: '{content}',
  },
};

const enUS: Catalogue = {
  'citizen.one_time_code': {
    title: 'Verification code',
    body: '[Farun] Your verification code is {code}. It is valid for {minutes} minutes. Do not share it with anyone.',
  },
  'staff.account_created': {
    title: 'Account created',
    body: 'Hello {name}, your Farun staff account {username} has been created. Please sign in and change the initial password before {expiresAt}.',
  },
  'staff.password_changed': {
    title: 'Password changed',
    body: 'Hello {name}, the password of your account {username} was changed at {changedAt}. If this was not you, contact your administrator at once.',
  },
  'staff.account_locked': {
    title: 'Account locked',
    body: 'Hello {name}, your account {username} has been locked after repeated failed sign-ins and will unlock at {unlockAt}. If this was not you, contact your administrator.',
  },
  'broadcast.risk_alert': {
    title: 'Legal risk alert: {title}',
    body: '{content}',
  },
};

export const templateCatalogues: Record<Locale, Catalogue> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Templates meant for WeCom group robots, which render their body as markdown. */
const markdownTemplates = new Set<TemplateName>(['broadcast.risk_alert']);

const placeholderPattern = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** The `{variable}` names used in a text, in order of first appearance. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1] as string))];
}

export function isTemplateName(name: string): name is TemplateName {
  return (notificationTemplateNames as readonly string[]).includes(name);
}

/** A template's variables; zh-CN is the reference (a test keeps en-US in step with it). */
export function templateVariables(name: TemplateName): string[] {
  const { title, body } = zhCN[name];
  return placeholdersOf(`${title}\n${body}`);
}

/** Refusing at enqueue time means a caller's typo fails its own request, not a later delivery. */
export class TemplateParamsError extends Error {
  constructor(
    readonly template: string,
    readonly missing: string[],
    readonly unexpected: string[],
  ) {
    const problems = [
      ...missing.map((name) => `missing variable {${name}}`),
      ...unexpected.map((name) => `unexpected variable {${name}}`),
    ];
    super(`template ${template}: ${problems.join(', ')}`);
    this.name = 'TemplateParamsError';
  }
}

export class UnknownTemplateError extends Error {
  constructor(readonly template: string) {
    super(`unknown notification template ${template}`);
    this.name = 'UnknownTemplateError';
  }
}

/** Checks the parameters against the template and turns numbers into text. */
export function prepareParams(
  name: string,
  params: Record<string, string | number>,
): TemplateParams {
  if (!isTemplateName(name)) throw new UnknownTemplateError(name);
  const variables = templateVariables(name);
  const given = Object.entries(params).filter(([, value]) => value !== undefined && value !== null);
  const givenNames = new Set(given.map(([key]) => key));
  const missing = variables.filter((variable) => !givenNames.has(variable));
  const unexpected = [...givenNames].filter((key) => !variables.includes(key));
  if (missing.length > 0 || unexpected.length > 0) {
    throw new TemplateParamsError(name, missing, unexpected);
  }
  return Object.fromEntries(given.map(([key, value]) => [key, String(value)]));
}

function fill(text: string, params: TemplateParams): string {
  return text.replace(placeholderPattern, (whole, name: string) => params[name] ?? whole);
}

export function renderTemplate(
  name: TemplateName,
  locale: Locale,
  params: TemplateParams,
): RenderedMessage {
  const text = templateCatalogues[locale][name];
  return {
    title: fill(text.title, params),
    body: fill(text.body, params),
    format: markdownTemplates.has(name) ? 'markdown' : 'text',
  };
}

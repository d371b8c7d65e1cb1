import { describe, expect, it } from 'vitest';
import { notificationTemplateNames } from '../../../contracts/notifications.js';
import {
  placeholdersOf,
  prepareParams,
  renderTemplate,
  templateCatalogues,
  TemplateParamsError,
  templateVariables,
  UnknownTemplateError,
} from './templates.js';

function variablesIn(text: { title: string; body: string }): string[] {
  return placeholdersOf(`${text.title}\n${text.body}`).sort();
}

describe('notification templates', () => {
  it('should define the same templates when zh-CN and en-US are compared', () => {
    const names = [...notificationTemplateNames].sort();
    expect(Object.keys(templateCatalogues['zh-CN']).sort()).toEqual(names);
    expect(Object.keys(templateCatalogues['en-US']).sort()).toEqual(names);
  });

  it.each(notificationTemplateNames)(
    'should use the same variables in both languages in %s',
    (name) => {
      const zh = variablesIn(templateCatalogues['zh-CN'][name]);
      expect(zh.length).toBeGreaterThan(0);
      expect(variablesIn(templateCatalogues['en-US'][name])).toEqual(zh);
    },
  );

  it('should render the one-time code SMS when given the code and minutes', () => {
    const params = prepareParams('citizen.one_time_code', { code: '246810', minutes: 5 });
    expect(renderTemplate('citizen.one_time_code', 'zh-CN', params)).toEqual({
      title: '验证码',
      body: '【法润】验证码 246810，5 分钟内有效，请勿告诉他人。',
      format: 'text',
    });
    expect(renderTemplate('citizen.one_time_code', 'en-US', params).body).toContain('246810');
  });

  it('should render the risk alert as markdown when it goes to WeCom groups', () => {
    const rendered = renderTemplate('broadcast.risk_alert', 'zh-CN', {
      title: '劳动合同',
      content: '**注意**：年底用工风险',
    });
    expect(rendered).toEqual({
      title: '法律风险预警：劳动合同',
      body: '**注意**：年底用工风险',
      format: 'markdown',
    });
  });

  it('should refuse the params naming the variable when one is missing', () => {
    expect(() => prepareParams('citizen.one_time_code', { code: '246810' })).toThrow(
      /missing variable \{minutes\}/,
    );
    let caught: unknown;
    try {
      prepareParams('staff.account_locked', { name: '张三', username: 'zhangsan' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateParamsError);
    expect((caught as TemplateParamsError).missing).toEqual(['unlockAt']);
  });

  it('should refuse the params when a variable is not in the template', () => {
    expect(() =>
      prepareParams('citizen.one_time_code', { code: '1', minutes: '5', cod: '1' }),
    ).toThrow(/unexpected variable \{cod\}/);
  });

  it('should refuse the template when its name is unknown', () => {
    expect(() => prepareParams('staff.nonexistent', {})).toThrow(UnknownTemplateError);
  });

  it('should list variables in order of appearance when a template is read', () => {
    expect(templateVariables('citizen.one_time_code')).toEqual(['code', 'minutes']);
  });
});

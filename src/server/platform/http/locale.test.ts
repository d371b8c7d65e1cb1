import { describe, expect, it } from 'vitest';
import { localeFromHeader } from './locale.js';
import { messageKeys } from './messages.js';

describe('localeFromHeader', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US,en;q=0.9', 'en-US'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en-US'],
    ['en;q=0.4, zh-TW;q=0.8', 'zh-CN'],
    ['de-DE', 'zh-CN'],
  ])('should answer %s with %s', (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});

describe('message catalogues', () => {
  it('should hold the same keys in both languages when a message is added', () => {
    expect(messageKeys('en-US').sort()).toEqual(messageKeys('zh-CN').sort());
  });
});

import type { Rule } from '../rule.js';
import { templateResolver } from '../../templates.js';
import { WECHAT_LIMITS, chars } from '../../emit/wechat/limits.js';

/**
 * With `--target wechat`: what the WeChat editor would refuse or must be given first, per
 * speech. W_WECHAT_TITLE, a title over 32 characters; W_WECHAT_LENGTH, an article of 20,000
 * characters or 1 MB or more; I_WECHAT_IMAGES, the images to upload to the account's media
 * library before pasting. The articles are rendered as `build --wechat` writes them.
 */
export const wechatLimits: Rule = {
  name: 'wechat-limits',
  async check({ book, request }, report) {
    if (!request.formats.includes('wechat')) return;
    const { wechatArticles } = await import('../../emit/wechat/index.js');
    const { articles } = await wechatArticles(book, { template: templateResolver(request, book.root), warn: () => {} });
    const speeches = book.sections.filter((s) => s.kind === 'speech');
    articles.forEach((a, i) => {
      const ch = speeches[i]!;
      const name = `speech ${ch.index + 1} 《${ch.title}》`;
      if (chars(a.title) > WECHAT_LIMITS.title) {
        report('W_WECHAT_TITLE', 'warning', `${name}: the title is ${chars(a.title)} characters; a WeChat title takes at most ${WECHAT_LIMITS.title} (set wechat: { title: … } in the speech's front matter)`, ch.location);
      }
      if (a.chars >= WECHAT_LIMITS.chars || a.bytes >= WECHAT_LIMITS.bytes) {
        report('W_WECHAT_LENGTH', 'warning', `${name}: the article is ${a.chars} characters and ${(a.bytes / 1e6).toFixed(2)} MB; a WeChat article must stay under ${WECHAT_LIMITS.chars} characters and 1 MB`, ch.location);
      }
      if (a.images.length) {
        report('I_WECHAT_IMAGES', 'info', `${name}: ${a.images.length} image${a.images.length > 1 ? 's' : ''} to upload to the account's media library first: ${a.images.join(', ')}`, ch.location);
      }
    });
  },
};

import { z } from 'zod';
import { option } from './option.js';

/** The 公众号 articles' options. */
export const WECHAT = {
  wechat: option({
    flag: { name: 'wechat' },
    schema: z.boolean(),
    default: false,
    help: 'also write wechat/: each speech as a 公众号 article with every\nstyle inline, and index.html to preview and copy them',
    keys: [],
    adds: 'wechat',
  }),
};

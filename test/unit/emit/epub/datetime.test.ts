import { describe, expect, it } from 'vitest';
import { validDatetime } from '../../../../src/emit/epub/content-model.js';

describe('<time datetime> values', () => {
  it.each(['2018', '2018-07', '2018-07-26', '07-26', '--07-26', '2018-W30', '09:30', '09:30:15.5', '2018-07-26T09:30', '2018-07-26 09:30:00Z', '2018-07-26T09:30+08:00', 'Z', '+0800', 'P3D', 'PT1H30M', '1h 30m', '2024-02-29'])(
    'HTML reads %s',
    (v) => expect(validDatetime(v)).toBe(true),
  );
  it.each(['昨天', '', '2018-7-26', '2018-13-01', '2018-02-30', '2023-02-29', '24:00', 'P', 'PT', '2018-07-26T', `${' '.repeat(10_000)}x`])('HTML does not read %j', (v) =>
    expect(validDatetime(v)).toBe(false),
  );
});

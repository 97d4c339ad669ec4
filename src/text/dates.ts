// Dates as Chinese text writes them (2018年7月26日) and as the book keeps them (2018-07-26).

/** Regex source of a written date `2018年7月26日`, spaces allowed around 年月日; groups: year, month, day. */
export const ZH_DATE = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日';

/** Regex source of a day as a byline types it, no spaces: `2024年4月18日`. */
export const ZH_DAY = '\\d{4}年\\d{1,2}月\\d{1,2}日';

/** A date line closing front or back matter: `2024年5月`, `2024年5月18日`, `二〇二四年五月`, optionally in full-width parentheses. */
export const DATE_LINE = /^（?(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月((\d{1,2}|[一二三四五六七八九十]{1,3})日)?）?$/u;

/** `2018-07-26` → `2018年7月26日`, the way a Chinese title page dates a book; any other text unchanged. */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

const pad = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** True when year, month and day name a day of the calendar (not 2月30日), in a year from 1000. */
function isDay(y: string, m: string, d: string): boolean {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  const date = new Date(Date.UTC(yy, mm - 1, dd));
  return yy >= 1000 && date.getUTCMonth() === mm - 1 && date.getUTCDate() === dd;
}

/**
 * A whole text that is a date as people write it → `YYYY-MM-DD`: ISO already, `2018年7月26日`,
 * `2018/7/26` or `2018.7.26`, spaces around the parts allowed; undefined for anything else
 * (a month alone is not a day). The calendar is the caller's to check, so its message can
 * name the day (`2018-02-30 is not a day`).
 */
export function parseDate(text: string): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/u.exec(text);
  return m ? pad(m[1]!, m[2]!, m[3]!) : undefined;
}

/** The first full date in a text (`2018年7月26日`, else ISO `2018-07-26`) as `YYYY-MM-DD`; undefined if none or no such day. */
export function findDate(text: string): string | undefined {
  const m = new RegExp(ZH_DATE, 'u').exec(text) ?? /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m && isDay(m[1]!, m[2]!, m[3]!) ? pad(m[1]!, m[2]!, m[3]!) : undefined;
}

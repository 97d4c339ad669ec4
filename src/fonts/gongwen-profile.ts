import path from 'node:path';
import { fcListing } from '../tools/fontconfig.js';
import { findFamily, parseFcListing } from './fontconfig.js';

/** What a face does in a GB/T 9704 handout. */
export type GongwenRole = 'title' | 'body' | 'kai' | 'hei' | 'number' | 'latin';

/** A face chosen for a role: how TeX loads it and what the build reports. */
export interface ProfileFace {
  role: GongwenRole;
  /** Family name as the build reports it, e.g. `FandolFang`. */
  family: string;
  /** File name TeX asks for: found by kpathsea, or linked into the work folder. */
  texName: string;
  /** Face index in a collection (fontspec FontIndex). */
  index: number;
  /** Absolute path, when known: linked beside the `.tex` and read for its coverage. */
  file?: string;
  /** True when it is a face meeting offices use (found by fontconfig), false for a free stand-in. */
  licensed: boolean;
}

/** The faces meeting offices use, looked for by family name, in order of preference. */
export const WANTED: Record<GongwenRole, readonly string[]> = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK'],
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi'],
  hei: ['黑体', 'SimHei'],
  number: ['宋体', 'SimSun'],
  latin: ['Times New Roman'],
};

/** Free stand-ins: Fandol from texlive-lang-chinese, the extracted Noto Serif SC Bold for 小标宋. */
const FREE: Record<GongwenRole, { family: string; texName: string; fandol: boolean }> = {
  title: { family: 'Noto Serif CJK SC Bold', texName: 'NotoSerifCJKsc-Bold.otf', fandol: false },
  body: { family: 'FandolFang', texName: 'FandolFang-Regular.otf', fandol: true },
  kai: { family: 'FandolKai', texName: 'FandolKai-Regular.otf', fandol: true },
  hei: { family: 'FandolHei', texName: 'FandolHei-Regular.otf', fandol: true },
  number: { family: 'FandolSong', texName: 'FandolSong-Regular.otf', fandol: true },
  // A Times-metric twin (fonts-texgyre): offices set digits and Latin in Times New Roman.
  latin: { family: 'TeX Gyre Termes', texName: 'texgyretermes-regular.otf', fandol: true },
};

/** The bold of the free Latin face; a licensed Times New Roman is loaded by family name, which finds its own. */
export const FREE_LATIN_BOLD = 'texgyretermes-bold.otf';

/** The roles in the order the build reports them. */
export const ROLES: readonly GongwenRole[] = ['title', 'body', 'kai', 'hei', 'number', 'latin'];

/**
 * Choose a face for each role: the first wanted family fontconfig lists (an `extra` family
 * the config names goes first), else the free stand-in. `fontDir` holds the extracted
 * Noto faces; `kpse` finds Fandol's files in TeX Live.
 */
export async function chooseFaces(opts: {
  fontDir: string;
  kpse: (file: string) => Promise<string | undefined>;
  /** fc-list's listing (default: run fc-list once). */
  listing?: string;
  extra?: Partial<Record<GongwenRole, string>>;
}): Promise<ProfileFace[]> {
  const fonts = parseFcListing(opts.listing ?? (await fcListing()));
  return Promise.all(
    ROLES.map(async (role): Promise<ProfileFace> => {
      const wanted = [opts.extra?.[role], ...WANTED[role]].filter((f): f is string => !!f);
      for (const family of wanted) {
        const hit = findFamily(fonts, family);
        // fontspec finds a Latin family's bold by its name; a file name would pin one style.
        if (hit && role === 'latin') return { role, family, texName: family, index: 0, licensed: true };
        if (hit) return { role, family, texName: path.basename(hit.file), index: hit.index, file: hit.file, licensed: true };
      }
      const free = FREE[role];
      const file = free.fandol ? await opts.kpse(free.texName) : path.join(opts.fontDir, free.texName);
      return { role, family: free.family, texName: free.texName, index: 0, ...(file ? { file } : {}), licensed: false };
    }),
  );
}

/** One line for the build's output: which face each role uses. Pure. */
export function describeFaces(faces: readonly ProfileFace[]): string {
  const label: Record<GongwenRole, string> = { title: '标题 小标宋', body: '正文 仿宋', kai: '楷体', hei: '黑体', number: '页码 宋体', latin: '数字和西文' };
  return `gongwen faces: ${faces.map((f) => `${label[f.role]} → ${f.family}${f.licensed ? '' : ' (free stand-in)'}`).join('; ')}`;
}

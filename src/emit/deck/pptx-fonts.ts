import type { PptxFonts } from '../../formats.js';

/** The theme faces of one profile: headings (major) and body text (minor), East Asian and Latin slots. */
export interface FontProfile {
  heading: { ea: string; latin: string };
  body: { ea: string; latin: string };
}

/**
 * The PPTX font profiles (scripts/reference-pptx.mjs writes the same faces into the two
 * reference docs; a test compares them). `venue`: faces every Windows 7–11 PC has whatever its
 * display language, and WPS's own defaults — 微软雅黑 (a 黑体) for headings, 宋体 for body text
 * as Chinese documents set it, with Arial and Times New Roman for their Latin runs. 等线 would
 * read better on a projector but comes only with Office 2016+ or Windows 10's Chinese
 * supplemental fonts, so a WPS-only or older PC lacks it. `noto`: the faces Debian's
 * fonts-noto-cjk installs.
 */
export const FONT_PROFILES: Readonly<Record<PptxFonts, FontProfile>> = {
  venue: { heading: { ea: '微软雅黑', latin: 'Arial' }, body: { ea: '宋体', latin: 'Times New Roman' } },
  noto: { heading: { ea: 'Noto Sans CJK SC', latin: 'Noto Sans CJK SC' }, body: { ea: 'Noto Serif CJK SC', latin: 'Noto Serif CJK SC' } },
};

/** The reference doc of each profile, looked up through the template resolver (a user's own copy wins). */
export const REFERENCE_DOCS: Readonly<Record<PptxFonts, string>> = { venue: 'deck/reference.pptx', noto: 'deck/reference-noto.pptx' };

/**
 * The installed face that stands in for each venue face when bookdeck renders the PPTX itself
 * (LibreOffice through fontconfig): the Noto CJK SC face of the same kind, sans for sans.
 */
export const VENUE_STAND_INS: Readonly<Record<string, string>> = {
  微软雅黑: 'Noto Sans CJK SC',
  'Microsoft YaHei': 'Noto Sans CJK SC',
  Arial: 'Noto Sans CJK SC',
  宋体: 'Noto Serif CJK SC',
  SimSun: 'Noto Serif CJK SC',
  'Times New Roman': 'Noto Serif CJK SC',
};

const xmlText = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A fontconfig file (for FONTCONFIG_FILE) that loads the system's configuration, then makes
 * each venue face resolve to its Noto stand-in, so a render here sets the deck as the venue
 * PC will, in faces of the same kind, instead of DejaVu or TeX Gyre.
 */
export function venueFontconfig(system = '/etc/fonts/fonts.conf'): string {
  const rules = Object.entries(VENUE_STAND_INS).map(
    ([face, noto]) =>
      `  <match target="pattern"><test name="family" compare="eq"><string>${xmlText(face)}</string></test><edit name="family" mode="assign" binding="strong"><string>${xmlText(noto)}</string></edit></match>`,
  );
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">${xmlText(system)}</include>\n${rules.join('\n')}\n</fontconfig>\n`;
}

#!/usr/bin/env node
// Make templates/deck/reference.pptx (the venue font profile) and reference-noto.pptx (the Noto
// profile), the reference docs pandoc's PPTX writer takes its layouts, theme and sizes from:
// pandoc's own default (`pandoc -o custom-reference.pptx --print-default-data-file
// reference.pptx`), edited in place. Run it again after a pandoc upgrade:
// `node scripts/reference-pptx.mjs [OUT_DIR]` (it fails loudly if pandoc's default changed so
// much that an edit no longer applies). The output is byte-identical on every run.
//
// The edits, and why:
// - 16:9 (pandoc's default is already 10 × 5.625 in; asserted, so a change is noticed).
// - The deck theme's colours (templates/deck/theme.css): ink text on warm paper, one deep red
//   accent for bullets and the section-header slides.
// - Theme fonts with the Simplified Chinese faces in the East Asian slot `a:ea` (and the
//   `Hans` script font): PowerPoint, WPS and LibreOffice pick the face for Han text from `a:ea`,
//   not from `a:latin`; an empty `a:ea` (pandoc's default) makes non-Windows viewers fall back
//   to a Latin face or a JP/TC one. Headings (major) are Noto Sans CJK SC, a 黑体 as the HTML
//   deck's headings; body text (minor) is Noto Serif CJK SC, a 宋体 as the book and the print
//   PDF set their text, which reads best in the long notes. The venue profile (the default)
//   names faces every Windows PC with PowerPoint or WPS has: 微软雅黑 + Arial, 宋体 + Times New
//   Roman (src/emit/deck/pptx-fonts.ts says why, and a test checks the two lists agree); the
//   Noto profile the faces Debian's fonts-noto-cjk installs. The notes master's theme too.
// - The title slide centred: title, subtitle and date on one axis, the date at 18 pt (the
//   master's date is 9 pt at the bottom left, which reads as a footer).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// An argument writes elsewhere (the tests check the committed file is what the script makes).
const OUT_DIR = path.resolve(process.argv[2] ?? path.join(ROOT, 'templates/deck'));
// The zip entries' date: fixed, so the file is the same bytes on every run.
const DATE = new Date(Date.UTC(2018, 6, 26));

// The same faces as FONT_PROFILES in src/emit/deck/pptx-fonts.ts.
const PROFILES = {
  'reference.pptx': { heading: { ea: '微软雅黑', latin: 'Arial' }, body: { ea: '宋体', latin: 'Times New Roman' } },
  'reference-noto.pptx': { heading: { ea: 'Noto Sans CJK SC', latin: 'Noto Sans CJK SC' }, body: { ea: 'Noto Serif CJK SC', latin: 'Noto Serif CJK SC' } },
};
// templates/deck/theme.css: --ink, --paper, --muted, --accent-soft, --accent, --rule.
const COLOURS = { dk1: '1D232B', lt1: 'FCFBF8', dk2: '5D6673', lt2: 'F6ECEA', accent1: 'A61B1B', accent2: 'E4DFD6' };

/** Replace `from` in `xml` exactly `count` times, or stop: pandoc's default changed. */
function edit(name, xml, from, to, count = 1) {
  const found = xml.split(from).length - 1;
  if (found !== count) throw new Error(`${name}: expected ${count}× ${from}, found ${found}; pandoc's default reference.pptx changed`);
  return xml.split(from).join(to);
}

/** The theme's major (heading) and minor (body) faces: Latin, East Asian and the Hans script font. */
function themeFonts(name, xml, profile) {
  const fonts = (tag, face) => {
    const start = xml.indexOf(`<a:${tag}>`);
    const end = xml.indexOf(`</a:${tag}>`, start);
    if (start < 0 || end < 0) throw new Error(`${name}: no ${tag}`);
    let block = xml.slice(start, end);
    block = edit(name, block, /<a:latin typeface="[^"]*"(?: panose="[^"]*")?\/>/.exec(block)[0], `<a:latin typeface="${face.latin}"/>`);
    block = edit(name, block, '<a:ea typeface=""/>', `<a:ea typeface="${face.ea}"/>`);
    block = edit(name, block, '<a:font script="Hans" typeface="宋体"/>', `<a:font script="Hans" typeface="${face.ea}"/>`);
    xml = xml.slice(0, start) + block + xml.slice(end);
  };
  fonts('majorFont', profile.heading);
  fonts('minorFont', profile.body);
  return xml;
}

function theme(xml, profile) {
  const name = 'ppt/theme/theme1.xml';
  for (const [slot, rgb] of Object.entries(COLOURS)) {
    xml = xml.replace(new RegExp(`<a:${slot}>.*?</a:${slot}>`, 's'), `<a:${slot}><a:srgbClr val="${rgb}"/></a:${slot}>`);
    if (!xml.includes(`<a:${slot}><a:srgbClr val="${rgb}"/></a:${slot}>`)) throw new Error(`${name}: no ${slot} colour`);
  }
  return themeFonts(name, xml, profile);
}

/** The notes master's theme: the speaker reads the notes in the body face. */
function notesTheme(xml, profile) {
  return themeFonts('ppt/theme/theme2.xml', xml, profile);
}

function titleSlide(xml) {
  const name = 'ppt/slideLayouts/slideLayout1.xml';
  // The title centred like the subtitle under it (the master sets titles flush left).
  xml = edit(name, xml, '<p:ph type="ctrTitle"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="1597819"/><a:ext cx="7772400" cy="1102519"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>', '<p:ph type="ctrTitle"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="1597819"/><a:ext cx="7772400" cy="1102519"/></a:xfrm></p:spPr><p:txBody><a:bodyPr anchor="b"/><a:lstStyle><a:lvl1pPr algn="ctr"><a:defRPr sz="3200"/></a:lvl1pPr></a:lstStyle>');
  // The date under the subtitle on the same axis, at 18 pt in the muted colour.
  return edit(
    name,
    xml,
    '<p:ph type="dt" sz="half" idx="10"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>',
    '<p:ph type="dt" sz="half" idx="10"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="1371600" y="4229100"/><a:ext cx="6400800" cy="457200"/></a:xfrm></p:spPr><p:txBody><a:bodyPr anchor="t"/><a:lstStyle><a:lvl1pPr algn="ctr"><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>',
  );
}

function presentation(xml) {
  const name = 'ppt/presentation.xml';
  xml = edit(name, xml, '<p:sldSz cx="9144000" cy="5143500" type="screen16x9"/>', '<p:sldSz cx="9144000" cy="5143500" type="screen16x9"/>');
  return edit(name, xml, '<a:defPPr><a:defRPr lang="en-US"/></a:defPPr>', '<a:defPPr><a:defRPr lang="zh-CN" altLang="en-US"/></a:defPPr>');
}

function master(xml, profile) {
  const name = 'ppt/slideMasters/slideMaster1.xml';
  // Titles bold and flush left, as the HTML deck's headings; 26 pt keeps a 40-character
  // proposal title on two lines.
  xml = edit(
    name,
    xml,
    '<p:titleStyle><a:lvl1pPr algn="ctr" defTabSz="342900" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/><a:defRPr sz="3300" kern="1200">',
    '<p:titleStyle><a:lvl1pPr algn="l" defTabSz="342900" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/><a:defRPr sz="2600" b="1" kern="1200">',
  );
  // Body text at the HTML deck's proportions (32 px on a 1280 px slide is 18 pt on 10 in):
  // 20 pt key points, 16 pt second level, so a summary slide's 12 lines fit its box.
  for (const [level, from, to] of [[1, 2400, 2000], [2, 2100, 1600], [3, 1800, 1500]]) {
    const re = new RegExp(`(<a:lvl${level}pPr marL="\\d+" indent="-342900" algn="l"[^>]*><a:spcBef><a:spcPct val="20000"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="[^"]"/><a:defRPr sz=")${from}"`);
    if (!re.test(xml)) throw new Error(`${name}: no level-${level} body size ${from}; pandoc's default reference.pptx changed`);
    xml = xml.replace(re, `$1${to}"`);
  }
  // Bullets in the accent colour, as the HTML deck's key-point markers, drawn from the
  // heading face (Arial is missing on Linux and a viewer would fall back to another face).
  xml = edit(name, xml, '<a:buFont typeface="Arial"/><a:buChar char="•"/>', '<a:buClr><a:schemeClr val="accent1"/></a:buClr><a:buFont typeface="Arial"/><a:buChar char="•"/>', 6);
  return edit(name, xml, '<a:buFont typeface="Arial"/>', `<a:buFont typeface="${profile.heading.latin}"/>`, 9);
}

function sectionHeader(xml) {
  const name = 'ppt/slideLayouts/slideLayout3.xml';
  // The section slide of a speech: paper-coloured text on the accent, as in the HTML deck;
  // 28 pt puts a 20-character speech title on one line.
  xml = edit(name, xml, '<p:cSld name="Section Header">', '<p:cSld name="Section Header"><p:bg><p:bgPr><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>');
  xml = edit(name, xml, '<a:defRPr sz="3000" b="1" cap="all"/>', '<a:defRPr sz="2800" b="1"><a:solidFill><a:schemeClr val="bg1"/></a:solidFill></a:defRPr>');
  return edit(name, xml, '<a:schemeClr val="tx1"><a:tint val="75000"/></a:schemeClr>', '<a:schemeClr val="bg1"/>', 9);
}

const EDITS = {
  'ppt/theme/theme1.xml': theme,
  'ppt/presentation.xml': presentation,
  'ppt/slideMasters/slideMaster1.xml': master,
  'ppt/slideLayouts/slideLayout3.xml': sectionHeader,
  'ppt/slideLayouts/slideLayout1.xml': titleSlide,
  'ppt/theme/theme2.xml': notesTheme,
};

const original = execFileSync('pandoc', ['--print-default-data-file', 'reference.pptx'], { maxBuffer: 64 << 20 });
const zip = await JSZip.loadAsync(original);
const version = execFileSync('pandoc', ['--version']).toString().split('\n')[0].split(' ')[1];
for (const [file, profile] of Object.entries(PROFILES)) {
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    const data = EDITS[name] ? EDITS[name](await entry.async('string'), profile) : await entry.async('uint8array');
    out.file(name, data, { date: DATE, createFolders: false });
  }
  const bytes = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
  const target = path.join(OUT_DIR, file);
  writeFileSync(target, bytes);
  console.log(`wrote ${path.relative(ROOT, target)} (${bytes.length} bytes) from pandoc ${version}'s default`);
}
